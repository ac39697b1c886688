package care.mend.program;

import static care.mend.MendAssertions.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgramTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void theWeeklyMinimumDefaultsToNineHours() {
        ProgramPlan plan = ProgramPlan.of(24, 3, 180);
        assertThat(plan.minimumWeeklyMinutes()).isEqualTo(540);
    }

    @Test
    void planRangesAreChecked() {
        assertInvalidField(() -> ProgramPlan.of(19, 3, 180), "requiredSessions");
        assertInvalidField(() -> ProgramPlan.of(41, 3, 180), "requiredSessions");
        assertInvalidField(() -> ProgramPlan.of(24, 2, 180), "plannedSessionsPerWeek");
        assertInvalidField(() -> ProgramPlan.of(24, 5, 180), "plannedSessionsPerWeek");
        assertInvalidField(() -> ProgramPlan.of(24, 4, 59), "plannedSessionMinutes");
        assertInvalidField(() -> ProgramPlan.of(24, 4, 301), "plannedSessionMinutes");
        assertThat(ProgramPlan.of(20, 4, 300)).isNotNull();
        assertThat(new ProgramPlan(40, 3, 60, 60)).isNotNull();
    }

    @Test
    void thePlanMustBeAbleToReachItsWeeklyMinimum() {
        // 3 x 120 = 6 hours, below the 9-hour floor.
        assertInvalidField(() -> ProgramPlan.of(24, 3, 120), "minimumWeeklyMinutes");
        assertThat(new ProgramPlan(24, 3, 120, 360).minimumWeeklyMinutes()).isEqualTo(360);
        assertThat(ProgramPlan.of(24, 4, 135)).isNotNull();
    }

    @Test
    void kindAndSiteAreFixedNameAndPlanChange() {
        Program program = new Program(UUID.randomUUID(), "Evening IOP", ProgramKind.SUBSTANCE_USE_IOP,
                ProgramPlan.of(24, 3, 180), NOW);
        program.rename("Evening SUD IOP");
        program.changePlan(ProgramPlan.of(30, 4, 180));
        assertThat(program.name()).isEqualTo("Evening SUD IOP");
        assertThat(program.plan().requiredSessions()).isEqualTo(30);
        assertInvalidField(() -> new Program(null, "X", ProgramKind.DUAL_DIAGNOSIS, ProgramPlan.of(24, 3, 180),
                NOW), "siteId");
        assertInvalidField(() -> new Program(UUID.randomUUID(), "X", null, ProgramPlan.of(24, 3, 180), NOW), "kind");
    }
}
