package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** @param minimumWeeklyMinutes the weekly attendance floor in minutes; 540 (9 hours) when absent */
public record CreateProgramRequest(
        @NotNull UUID siteId,
        @NotBlank @Size(max = Program.NAME_MAX) @PlainText String name,
        @NotNull ProgramKind kind,
        @NotNull @Min(20) @Max(40) Integer requiredSessions,
        @NotNull @Min(3) @Max(4) Integer plannedSessionsPerWeek,
        @NotNull @Min(60) @Max(300) Integer plannedSessionMinutes,
        @Min(60) @Max(1200) Integer minimumWeeklyMinutes) {

    ProgramPlan plan() {
        return new ProgramPlan(requiredSessions, plannedSessionsPerWeek, plannedSessionMinutes,
                minimumWeeklyMinutes == null ? ProgramPlan.DEFAULT_MINIMUM_WEEKLY_MINUTES : minimumWeeklyMinutes);
    }
}
