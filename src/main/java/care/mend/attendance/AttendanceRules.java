package care.mend.attendance;

import java.time.Duration;
import java.util.Objects;

/**
 * A program's attendance thresholds. Defaults suit IOP practice: late after 15 minutes, leaving more than 15 minutes
 * before the end is leaving early, and a session is credited when the patient was present for at least 75 % of its
 * scheduled minutes.
 *
 * @param lateAfter          arriving later than this after the scheduled start is late
 * @param earlyLeaveBefore   leaving earlier than this before the end is leaving early
 * @param creditPercent      the share of scheduled minutes that earns credit, 1-100
 */
public record AttendanceRules(Duration lateAfter, Duration earlyLeaveBefore, int creditPercent) {

    public static final AttendanceRules DEFAULT = new AttendanceRules(Duration.ofMinutes(15), Duration.ofMinutes(15), 75);

    public AttendanceRules {
        Objects.requireNonNull(lateAfter, "lateAfter");
        Objects.requireNonNull(earlyLeaveBefore, "earlyLeaveBefore");
        if (lateAfter.isNegative() || earlyLeaveBefore.isNegative()) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
        if (creditPercent < 1 || creditPercent > 100) {
            throw new IllegalArgumentException("creditPercent must be 1-100");
        }
    }

    /** The whole minutes of presence that earn credit for a session of {@code scheduledMinutes}. */
    public long creditMinutes(long scheduledMinutes) {
        return (scheduledMinutes * creditPercent + 99) / 100;
    }
}
