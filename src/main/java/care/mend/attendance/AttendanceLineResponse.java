package care.mend.attendance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One patient's line on a session's attendance sheet, with the figures behind its status. For a signed sheet,
 * {@code recordId}, the original figures and the amendments are present; for a live one they are null or empty.
 *
 * <p>While the session is still on, {@code status} is null (ABSENT and PARTIAL are final words, said once it has
 * ended), {@code liveState} says where the patient is now ({@code NOT_ARRIVED}, {@code IN_ROOM}, {@code RECONNECTING}
 * or {@code LEFT}) and {@code liveSince} since when, and the figures and {@code credited} are those so far. Once it
 * has ended, {@code status} is set and {@code liveState} is null. {@code flags} (late, left early, gaps, audio-only
 * share) are on every line, beside the status. {@code attestedJurisdiction} is the place the patient picked beside
 * their stated location ({@code US-XX} or a country code; null when none), and {@code licensureOverrides} every
 * admission of theirs although outside the facilitators' licensed states: who, when, why.
 */
public record AttendanceLineResponse(UUID patientId, UUID recordId, AttendanceStatus status, LiveState liveState,
                                     Instant liveSince, long minutesPresent, boolean credited,
                                     Map<String, Long> minutesByModality, long gapMinutes, AttendanceFlags flags,
                                     Instant firstAdmitted, Instant lastLeft, long scheduledMinutes,
                                     String explanation, String attestedLocation, Original original,
                                     List<Amendment> amendments, String attestedJurisdiction,
                                     List<LicensureOverrideLine> licensureOverrides) {

    /** An admission outside licensure: who admitted, when, why, and the place the patient had stated. */
    public record LicensureOverrideLine(String authorSubject, Instant recordedAt, String reason,
                                        String jurisdiction) {

        static LicensureOverrideLine from(LicensureOverride o) {
            return new LicensureOverrideLine(o.authorSubject(), o.recordedAt(), o.reason(), o.jurisdiction().code());
        }
    }

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
            return new AttendanceLineResponse(line.patientId(), null, a.status(), a.liveState(), a.liveSince(),
                    a.minutesPresent(), a.credited(), byModality, a.flags().gapMinutes(), a.flags(), a.firstAdmitted(),
                    a.lastLeft(), a.scheduledMinutes(), a.explanation(), line.attestedLocation(), null, List.of(),
                    jurisdictionOf(line), overridesOf(line));
        }
        AttendanceRecord r = line.record();
        return new AttendanceLineResponse(r.patientId(), r.id(), r.currentStatus(), null, null, r.currentMinutes(),
                r.currentCredited(), r.currentSplit().byName(),
                r.gapMinutes(), r.flags(), r.firstAdmitted(), r.lastLeft(), r.scheduledMinutes(), r.explanation(),
                r.attestedLocation(), new Original(r.originalStatus(), r.originalMinutes(), r.originalCredited(),
                        r.originalSplit().byName(), r.originalExplanation()),
                r.amendments().stream().map(a -> new Amendment(a.authorSubject(), a.amendedAt(), a.reason(),
                        a.beforeStatus(), a.afterStatus(), a.beforeMinutes(), a.afterMinutes(), a.beforeCredited(),
                        a.afterCredited(), byName(a.beforeSplit()), byName(a.afterSplit()),
                        a.creditOverrideReason())).toList(), jurisdictionOf(line), overridesOf(line));
    }

    private static String jurisdictionOf(AttendanceService.Line line) {
        return line.attestedJurisdiction() == null ? null : line.attestedJurisdiction().code();
    }

    private static List<LicensureOverrideLine> overridesOf(AttendanceService.Line line) {
        return line.overrides().stream().map(LicensureOverrideLine::from).toList();
    }

    private static Map<String, Long> byName(ModalityMinutes split) {
        return split == null ? null : split.byName();
    }
}
