package care.mend.program;

import static care.mend.MendAssertions.assertInvalidField;
import static care.mend.MendAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.platform.problem.ProblemCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnrollmentTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final LocalDate PLANNED_END = LocalDate.of(2026, 5, 29);

    private final UUID patientId = UUID.randomUUID();
    private final UUID programId = UUID.randomUUID();

    private Enrollment enrollment() {
        return new Enrollment(patientId, programId, START, PLANNED_END, NOW);
    }

    @Test
    void aNewEnrollmentIsEnrolledWithOneHistoryLine() {
        Enrollment e = enrollment();
        assertThat(e.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(e.endDate()).isNull();
        assertThat(e.history()).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo(EnrollmentStatus.ENROLLED);
            assertThat(line.effectiveDate()).isEqualTo(START);
            assertThat(line.recordedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void thePlannedEndIsNotBeforeTheStart() {
        assertInvalidField(() -> new Enrollment(patientId, programId, START, START.minusDays(1), NOW),
                "plannedEndDate");
        assertThat(new Enrollment(patientId, programId, START, START, NOW).isActiveOn(START)).isTrue();
        assertThat(new Enrollment(patientId, programId, START, null, NOW).isActiveOn(START.plusYears(1))).isTrue();
    }

    @Test
    void activeFromStartThroughPlannedEndInclusive() {
        Enrollment e = enrollment();
        assertThat(e.isActiveOn(START.minusDays(1))).isFalse();
        assertThat(e.isActiveOn(START)).isTrue();
        assertThat(e.isActiveOn(PLANNED_END)).isTrue();
        assertThat(e.isActiveOn(PLANNED_END.plusDays(1))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = EnrollmentStatus.class, names = {"COMPLETED", "DISCHARGED", "WITHDRAWN"})
    void anEndedEnrollmentStillCoversTheDaysThroughItsLastDayButStartsNothingNew(EnrollmentStatus terminal) {
        Enrollment e = enrollment();
        LocalDate last = START.plusWeeks(4);
        assertThat(e.coversDay(START.minusDays(1))).isFalse();
        assertThat(e.coversDay(PLANNED_END)).isTrue();
        assertThat(e.coversDay(PLANNED_END.plusDays(1))).as("past the planned end").isFalse();

        e.endWith(terminal, last, "reason text", NOW);

        assertThat(e.coversDay(START)).as("a past session's roster stays what it was").isTrue();
        assertThat(e.coversDay(last)).as("the effective date is the last day").isTrue();
        assertThat(e.coversDay(last.plusDays(1))).isFalse();
        assertThat(e.isActiveOn(START)).as("no new membership on an ended enrollment").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = EnrollmentStatus.class, names = {"COMPLETED", "DISCHARGED", "WITHDRAWN"})
    void endingRecordsTheStatusAndTellsWhatEnded(EnrollmentStatus terminal) {
        Enrollment e = enrollment();
        LocalDate last = START.plusWeeks(4);
        Instant recorded = NOW.plusSeconds(86_400 * 28);

        EnrollmentEnded ended = e.endWith(terminal, last, "reason text", recorded);

        assertThat(ended).isEqualTo(new EnrollmentEnded(e.id(), patientId, programId, terminal, last));
        assertThat(e.status()).isEqualTo(terminal);
        assertThat(e.endDate()).isEqualTo(last);
        assertThat(e.isActiveOn(START)).isFalse();
        assertThat(e.history()).extracting(EnrollmentStatusChange::status)
                .containsExactly(EnrollmentStatus.ENROLLED, terminal);
        assertThat(e.history().get(1).reason()).isEqualTo("reason text");
        assertThat(e.history().get(1).recordedAt()).isEqualTo(recorded);
    }

    @Test
    void anEndedEnrollmentNeverChangesAgain() {
        Enrollment e = enrollment();
        e.endWith(EnrollmentStatus.COMPLETED, PLANNED_END, "Completed 24 sessions", NOW);
        for (EnrollmentStatus any : EnrollmentStatus.values()) {
            assertRefused(() -> e.endWith(any, PLANNED_END, "again", NOW), ProblemCode.INVALID_STATUS_TRANSITION);
        }
        assertThat(e.history()).hasSize(2);
    }

    @Test
    void enrolledIsNotAnEnding() {
        Enrollment e = enrollment();
        assertRefused(() -> e.endWith(EnrollmentStatus.ENROLLED, START, "x", NOW),
                ProblemCode.INVALID_STATUS_TRANSITION);
        assertThat(e.history()).hasSize(1);
    }

    @Test
    void anEndingNeedsAReasonAndADateFromTheStart() {
        Enrollment e = enrollment();
        assertInvalidField(() -> e.endWith(EnrollmentStatus.DISCHARGED, START, " ", NOW), "reason");
        assertInvalidField(() -> e.endWith(EnrollmentStatus.DISCHARGED, null, "r", NOW), "effectiveDate");
        assertInvalidField(() -> e.endWith(EnrollmentStatus.DISCHARGED, START.minusDays(1), "r", NOW),
                "effectiveDate");
        assertThat(e.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(e.history()).hasSize(1);
    }
}
