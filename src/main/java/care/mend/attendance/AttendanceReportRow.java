package care.mend.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One signed patient-session line, with what a payer or auditor asks for: date, start and stop, minutes, modality,
 * program, group, who signed, and where the patient said they were (null when not asked).
 */
public record AttendanceReportRow(UUID recordId, UUID sessionId, LocalDate date, Instant scheduledStart,
                                  Instant scheduledEnd, Instant roomOpened, Instant roomClosed, UUID siteId,
                                  UUID programId, String programName, UUID groupId, String groupName,
                                  UUID patientId, String patientDisplayName, Instant firstAdmitted,
                                  Instant lastLeft, AttendanceStatus status,
                                  int minutesPresent, int minutesAudioVideo, int minutesAudioOnly, boolean credited,
                                  boolean amended, String signedBySubject, String attestedLocation) {

    /**
     * The modality a payer bills by, from the minutes in which media really flowed (the decision, in one place):
     * {@code NONE} when no audio or video flowed at all, whatever the minutes in the room; {@code AUDIO_ONLY} when
     * audio alone flowed for more of them than audio and video; else {@code AUDIO_VIDEO}. Minutes without media never
     * make a session video. (The supervisor's page words the same rule: {@code supervisor.js}.)
     */
    public String modality() {
        if (minutesAudioVideo + minutesAudioOnly == 0) {
            return "NONE";
        }
        return minutesAudioOnly > minutesAudioVideo ? "AUDIO_ONLY" : "AUDIO_VIDEO";
    }

    /**
     * Minutes in the room with no media flowing from the patient. The three columns add up to {@link #minutesPresent}
     * (the calculator hands out whole minutes by the largest remainder).
     */
    public int minutesNoMedia() {
        return Math.max(0, minutesPresent - minutesAudioVideo - minutesAudioOnly);
    }
}
