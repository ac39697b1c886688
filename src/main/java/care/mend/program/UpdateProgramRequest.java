package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What may change in a program: its name and plan (not its site or kind). The thresholds and the check-in settings
 * are optional: each one missing is kept as it is.
 */
public record UpdateProgramRequest(
        @NotBlank @Size(max = Program.NAME_MAX) @PlainText String name,
        @NotNull @Min(20) @Max(40) Integer requiredSessions,
        @NotNull @Min(3) @Max(4) Integer plannedSessionsPerWeek,
        @NotNull @Min(60) @Max(300) Integer plannedSessionMinutes,
        @NotNull @Min(60) @Max(1200) Integer minimumWeeklyMinutes,
        @Min(0) @Max(60) Integer lateAfterMinutes,
        @Min(0) @Max(60) Integer earlyLeaveMinutes,
        @Min(50) @Max(100) Integer creditPercent,
        Boolean checkInEnabled,
        Boolean checkInAsksCraving,
        @Min(0) @Max(CheckInPlan.SCALE_MAX) Integer checkInLowMoodAtMost,
        @Min(0) @Max(CheckInPlan.SCALE_MAX) Integer checkInHighCravingAtLeast) {

    /** The check-in settings asked for, each missing one kept from {@code current}. */
    CheckInPlan checkInPlan(CheckInPlan current) {
        return new CheckInPlan(checkInEnabled != null ? checkInEnabled : current.enabled(),
                checkInAsksCraving != null ? checkInAsksCraving : current.asksCraving(),
                checkInLowMoodAtMost != null ? checkInLowMoodAtMost : current.lowMoodAtMost(),
                checkInHighCravingAtLeast != null ? checkInHighCravingAtLeast : current.highCravingAtLeast());
    }

    /** The thresholds asked for, each missing one kept from {@code current}. */
    AttendanceThresholds thresholds(AttendanceThresholds current) {
        return new AttendanceThresholds(lateAfterMinutes != null ? lateAfterMinutes : current.lateAfterMinutes(),
                earlyLeaveMinutes != null ? earlyLeaveMinutes : current.earlyLeaveMinutes(),
                creditPercent != null ? creditPercent : current.creditPercent());
    }

    ProgramPlan plan() {
        return new ProgramPlan(requiredSessions, plannedSessionsPerWeek, plannedSessionMinutes, minimumWeeklyMinutes);
    }
}
