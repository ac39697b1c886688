package care.mend.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A program's attendance thresholds: arriving later than {@code lateAfterMinutes} after the start is late, leaving
 * more than {@code earlyLeaveMinutes} before the end is leaving early, and {@code creditPercent} of the scheduled
 * minutes earn credit. Defaults: 15, 15 and 75 %.
 */
@Embeddable
public record AttendanceThresholds(
        @Column(name = "late_after_minutes", nullable = false) int lateAfterMinutes,
        @Column(name = "early_leave_minutes", nullable = false) int earlyLeaveMinutes,
        @Column(name = "credit_percent", nullable = false) int creditPercent) {

    public static final AttendanceThresholds DEFAULT = new AttendanceThresholds(15, 15, 75);

    public AttendanceThresholds {
        Checks.range("lateAfterMinutes", lateAfterMinutes, 0, 60);
        Checks.range("earlyLeaveMinutes", earlyLeaveMinutes, 0, 60);
        Checks.range("creditPercent", creditPercent, 50, 100);
    }
}
