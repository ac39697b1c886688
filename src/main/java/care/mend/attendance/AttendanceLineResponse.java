package care.mend.attendance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One patient's line on a session's attendance sheet, with the figures behind its status. For a signed sheet,
 * {@code recordId}, the original figures and the amendments are present; for a live one they are null or empty.
 */
public record AttendanceLineResponse(UUID patientId, UUID recordId, AttendanceStatus status, long minutesPresent,
                                     boolean credited, Map<String, Long> minutesByModality, long gapMinutes,
                                     Instant firstAdmitted, Instant lastLeft, long scheduledMinutes,
                                     String explanation, String attestedLocation, Original original,
                                     List<Amendment> amendments) {

    /** The figures as signed, before any amendment. */
    public record Original(AttendanceStatus status, long minutesPresent, boolean credited,
                           Map<String, Long> minutesByModality, String explanation) {
    }

    /**
     * One correction: who, when, why, before and after. The splits are null on amendments made before V12; the
     * override reason says why credit was given below the program's credit minutes (null when it was not).
     */
    public record Amendment(String authorSubject, Instant amendedAt, String reason, AttendanceStatus beforeStatus,
                            AttendanceStatus afterStatus, long beforeMinutes, long afterMinutes,
                            boolean beforeCredited, boolean afterCredited, Map<String, Long> beforeMinutesByModality,
                            Map<String, Long> afterMinutesByModality, String creditOverrideReason) {
    }

    static AttendanceLineResponse from(AttendanceService.Line line) {
        if (line.record() == null) {
            SessionAttendance a = line.live();
            Map<String, Long> byModality = new java.util.TreeMap<>();
            a.minutesByModality().forEach((modality, minutes) -> byModality.put(modality.name(), minutes));
            long gaps = a.gaps().stream().mapToLong(gap -> gap.length().toSeconds()).sum() / 60;
            return new AttendanceLineResponse(line.patientId(), null, a.status(), a.minutesPresent(), a.credited(),
                    byModality, gaps, a.firstAdmitted(), a.lastLeft(), a.scheduledMinutes(), a.explanation(),
                    line.attestedLocation(), null, List.of());
        }
        AttendanceRecord r = line.record();
        return new AttendanceLineResponse(r.patientId(), r.id(), r.currentStatus(), r.currentMinutes(),
                r.currentCredited(), r.currentSplit().byName(),
                r.gapMinutes(), r.firstAdmitted(), r.lastLeft(), r.scheduledMinutes(), r.explanation(),
                r.attestedLocation(), new Original(r.originalStatus(), r.originalMinutes(), r.originalCredited(),
                        r.originalSplit().byName(), r.originalExplanation()),
                r.amendments().stream().map(a -> new Amendment(a.authorSubject(), a.amendedAt(), a.reason(),
                        a.beforeStatus(), a.afterStatus(), a.beforeMinutes(), a.afterMinutes(), a.beforeCredited(),
                        a.afterCredited(), byName(a.beforeSplit()), byName(a.afterSplit()),
                        a.creditOverrideReason())).toList());
    }

    private static Map<String, Long> byName(ModalityMinutes split) {
        return split == null ? null : split.byName();
    }
}
