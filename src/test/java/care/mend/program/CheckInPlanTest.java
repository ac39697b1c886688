package care.mend.program;

import static care.mend.MendAssertions.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A program's check-in settings: the documented defaults by kind, the 0-10 range of both thresholds. */
class CheckInPlanTest {

    @Test
    void aNewProgramAsksTheCheckInAndCravingOnlyWhereItTreatsSubstanceUse() {
        for (ProgramKind kind : ProgramKind.values()) {
            Program program = new Program(UUID.randomUUID(), "IOP (synthetic)", kind, ProgramPlan.of(24, 3, 180),
                    Instant.parse("2026-03-01T12:00:00Z"));
            CheckInPlan plan = program.checkInPlan();
            assertThat(plan.enabled()).isTrue();
            assertThat(plan.asksCraving()).as(kind.name()).isEqualTo(kind != ProgramKind.MENTAL_HEALTH_IOP);
            assertThat(plan.lowMoodAtMost()).isEqualTo(3);
            assertThat(plan.highCravingAtLeast()).isEqualTo(7);
        }
    }

    @Test
    void bothThresholdsAreOnTheZeroToTenScale() {
        assertInvalidField(() -> new CheckInPlan(true, true, -1, 7), "checkInLowMoodAtMost");
        assertInvalidField(() -> new CheckInPlan(true, true, 3, 11), "checkInHighCravingAtLeast");
        assertThat(new CheckInPlan(false, false, 0, 10).enabled()).isFalse();
    }
}
