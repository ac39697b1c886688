package care.mend.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * One signed patient-session line, with what a payer or auditor asks for: date, start and stop, minutes, modality,
 * program, group, who signed, and where the patient said they were (null when not asked).
 *
 * @param date              the session's date in {@code timeZone}
 * @param timeZone          the session's zone (its group's, by default its site's): the zone of {@code date}
 * @param minutesPresent    the current figure (an amendment may have changed it)
 * @param minutesAudioVideo of the current minutes, those with audio and video flowing (as measured at sign-off, or
 *                          as the latest amendment split them)
 * @param minutesAudioOnly  those with audio only
 * @param minutesNoMedia    those in the room with no media flowing
 * @param gapMinutes        the reconnection gaps, not counted in the minutes present
 * @param flags             late, left early, gaps and audio-only share as signed, beside the status
 * @param excuseReason      why the patient was excused, when the current status is EXCUSED (else null)
 * @param originalStatus    the status as signed (also originalMinutes and originalCredited); the same as the
 *                          current one unless an amendment changed it
 * @param amendment         the record's latest amendment, or null if it has none
 */
public record AttendanceReportRow(UUID recordId, UUID sessionId, LocalDate date, ZoneId timeZone,
                                  Instant scheduledStart, Instant scheduledEnd, Instant roomOpened,
                                  Instant roomClosed, UUID siteId, UUID programId, String programName, UUID groupId,
                                  String groupName, UUID patientId, String patientDisplayName, Instant firstAdmitted,
                                  Instant lastLeft, AttendanceStatus status, int minutesPresent,
                                  int minutesAudioVideo, int minutesAudioOnly, int minutesNoMedia, int gapMinutes,
                                  AttendanceFlags flags, boolean credited, boolean amended, String signedBySubject,
                                  String attestedLocation, String excuseReason, AttendanceStatus originalStatus,
                                  int originalMinutes, boolean originalCredited, LatestAmendment amendment) {

    public AttendanceReportRow {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(originalStatus, "originalStatus");
    }

    /**
     * The latest correction of the row's record.
     *
     * @param authorSubject     the author's identity-provider subject (as {@code signedBySubject} names the signer)
     * @param authorStaffId     the author's staff record, or null if they have none (an admin known only to the
     *                          identity provider)
     * @param authorDisplayName that staff record's display name as it is now, or null
     * @param creditOverrideReason why credit was given below the program's credit minutes, or null
     */
    public record LatestAmendment(Instant amendedAt, String authorSubject, UUID authorStaffId,
                                  String authorDisplayName, String reason, String creditOverrideReason) {

        public LatestAmendment {
            Objects.requireNonNull(amendedAt, "amendedAt");
            Objects.requireNonNull(authorSubject, "authorSubject");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The report query's constructor: the excuse reason is the one given at sign-off (kept in the record's
     * explanation) unless an amendment excused the patient later, whose reason then says why. The flags are of the
     * figures as signed: the audio-only share from the split as signed ({@code signedAudioVideo} etc.), which an
     * amendment's split does not change.
     */
    public AttendanceReportRow(UUID recordId, UUID sessionId, LocalDate date, ZoneId timeZone,
                               Instant scheduledStart, Instant scheduledEnd, Instant roomOpened, Instant roomClosed,
                               UUID siteId, UUID programId, String programName, UUID groupId, String groupName,
                               UUID patientId, String patientDisplayName, Instant firstAdmitted, Instant lastLeft,
                               AttendanceStatus status, int minutesPresent, int minutesAudioVideo,
                               int minutesAudioOnly, int minutesNoMedia, int gapMinutes, Integer lateMinutes,
                               boolean late, Integer leftEarlyMinutes, boolean leftEarly, int gapCount,
                               int signedAudioVideo, int signedAudioOnly, int signedNoMedia,
                               boolean credited, boolean amended, String signedBySubject, String attestedLocation,
                               String explanation, String excusingAmendmentReason, AttendanceStatus originalStatus,
                               int originalMinutes, boolean originalCredited) {
        this(recordId, sessionId, date, timeZone, scheduledStart, scheduledEnd, roomOpened, roomClosed, siteId,
                programId, programName, groupId, groupName, patientId, patientDisplayName, firstAdmitted, lastLeft,
                status, minutesPresent, minutesAudioVideo, minutesAudioOnly, minutesNoMedia, gapMinutes,
                AttendanceFlags.signed(lateMinutes, late, leftEarlyMinutes, leftEarly, gapCount, gapMinutes,
                        signedAudioVideo, signedAudioOnly, signedNoMedia), credited, amended, signedBySubject,
                attestedLocation, status != AttendanceStatus.EXCUSED ? null
                        : excusingAmendmentReason != null ? excusingAmendmentReason
                        : AttendanceRecord.excuseReasonIn(explanation), originalStatus, originalMinutes,
                originalCredited, null);
    }

    /** The same row with its record's latest amendment. */
    public AttendanceReportRow withAmendment(LatestAmendment latest) {
        return new AttendanceReportRow(recordId, sessionId, date, timeZone, scheduledStart, scheduledEnd, roomOpened,
                roomClosed, siteId, programId, programName, groupId, groupName, patientId, patientDisplayName,
                firstAdmitted, lastLeft, status, minutesPresent, minutesAudioVideo, minutesAudioOnly, minutesNoMedia,
                gapMinutes, flags, credited, amended, signedBySubject, attestedLocation, excuseReason, originalStatus,
                originalMinutes, originalCredited, latest);
    }

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
}
