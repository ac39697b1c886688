package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressCalculatorTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    private static AttendedSession attended(LocalDate day, long minutes) {
        return new AttendedSession(day, AttendanceStatus.PRESENT, true, minutes);
    }

    private static AttendedSession absent(LocalDate day) {
        return new AttendedSession(day, AttendanceStatus.ABSENT, false, 0);
    }

    private static AttendedSession excused(LocalDate day) {
        return new AttendedSession(day, AttendanceStatus.EXCUSED, false, 0);
    }

    @Test
    void countsCreditedSessionsAgainstTheRequirement() {
        List<AttendedSession> past = List.of(attended(MONDAY, 180), attended(MONDAY.plusDays(2), 180),
                new AttendedSession(MONDAY.plusDays(3), AttendanceStatus.PARTIAL, false, 90));

        ProgramProgress progress = ProgressCalculator.calculate(past, List.of(), 24, 540);

        assertThat(progress.creditedSessions()).isEqualTo(2);
        assertThat(progress.remainingSessions()).isEqualTo(22);
    }

    @Test
    void weeksBelowTheNineHourMinimumAreFlagged() {
        List<AttendedSession> past = List.of(attended(MONDAY, 180), attended(MONDAY.plusDays(2), 180),
                attended(MONDAY.plusDays(3), 180), attended(MONDAY.plusDays(7), 180));

        ProgramProgress progress = ProgressCalculator.calculate(past, List.of(), 24, 540);

        assertThat(progress.weeks()).hasSize(2);
        assertThat(progress.weeks().get(0).minutesAttended()).isEqualTo(540);
        assertThat(progress.weeks().get(0).belowMinimum()).isFalse();
        assertThat(progress.weeks().get(1).belowMinimum()).isTrue();
    }

    @Test
    void twoAbsencesInARowRaiseTheFlagAndExcusedSessionsDoNotBreakTheRun() {
        List<AttendedSession> past = List.of(attended(MONDAY, 180), absent(MONDAY.plusDays(2)),
                excused(MONDAY.plusDays(3)), absent(MONDAY.plusDays(7)));

        ProgramProgress progress = ProgressCalculator.calculate(past, List.of(), 24, 540);

        assertThat(progress.consecutiveAbsences()).isEqualTo(2);
        assertThat(progress.absenceFlag()).isTrue();
        assertThat(ProgressCalculator.calculate(List.of(absent(MONDAY), attended(MONDAY.plusDays(2), 180)),
                List.of(), 24, 540).absenceFlag()).isFalse();
    }

    @Test
    void projectsCompletionFromTheRemainingSchedule() {
        List<AttendedSession> past = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            past.add(attended(MONDAY.plusDays(i), 180));
        }
        List<LocalDate> upcoming = List.of(MONDAY.plusDays(30), MONDAY.plusDays(28), MONDAY.plusDays(32),
                MONDAY.plusDays(35), MONDAY.plusDays(37));

        ProgramProgress progress = ProgressCalculator.calculate(past, upcoming, 24, 540);

        assertThat(progress.remainingSessions()).isEqualTo(4);
        assertThat(progress.projectedCompletion()).isEqualTo(MONDAY.plusDays(35));
        assertThat(ProgressCalculator.calculate(past, upcoming.subList(0, 2), 24, 540).projectedCompletion())
                .isNull();
    }

    @Test
    void aCompletedRequirementIsDatedByTheSessionThatCompletedIt() {
        List<AttendedSession> past = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            past.add(attended(MONDAY.plusDays(i), 180));
        }

        ProgramProgress progress = ProgressCalculator.calculate(past, List.of(), 20, 540);

        assertThat(progress.remainingSessions()).isZero();
        assertThat(progress.projectedCompletion()).isEqualTo(MONDAY.plusDays(19));
    }
}
