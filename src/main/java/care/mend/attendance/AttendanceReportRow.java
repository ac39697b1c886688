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

    /** The modality a payer bills by: audio-only when the patient was on audio for most of their minutes. */
    public String modality() {
        if (minutesPresent == 0) {
            return "NONE";
        }
        return minutesAudioOnly * 2 > minutesPresent ? "AUDIO_ONLY" : "AUDIO_VIDEO";
    }
}
