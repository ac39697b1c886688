package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.GroupSession;
import care.mend.schedule.PlannedSession;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgressCalculatorTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final WeeklySchedule MON_WED_THU = new WeeklySchedule(CHICAGO, List.of(
            new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.WEDNESDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.THURSDAY, LocalTime.of(18, 0), 180)));

    private static AttendedSession attended(LocalDate day, long minutes) {
        return new AttendedSession(day, AttendanceStatus.PRESENT, true, minutes);
    }

    private static AttendedSession absent(LocalDate day) {
        return new AttendedSession(day, AttendanceStatus.ABSENT, false, 0);
    }

    private static AttendedSession excused(LocalDate day) {
        return new AttendedSession(day, AttendanceStatus.EXCUSED, false, 0);
    }

    private static ProgramProgress calculate(List<AttendedSession> past) {
        return ProgressCalculator.calculate(past, List.of(), NOW, 24, 540);
    }

    /** The group's stored session at a day's slot, as generation would have stored it. */
    private static GroupSession stored(LocalDate day) {
        PlannedSession planned = SessionScheduler.expand(MON_WED_THU, day, day).get(0);
        return new GroupSession(UUID.randomUUID(), planned, NOW);
    }

    @Test
    void countsCreditedSessionsAgainstTheRequirement() {
        List<AttendedSession> past = List.of(attended(MONDAY, 180), attended(MONDAY.plusDays(2), 180),
                new AttendedSession(MONDAY.plusDays(3), AttendanceStatus.PARTIAL, false, 90));

        ProgramProgress progress = calculate(past);

        assertThat(progress.creditedSessions()).isEqualTo(2);
        assertThat(progress.remainingSessions()).isEqualTo(22);
    }

    @Test
    void eachSessionCountsAsWhatItWas() {
        List<AttendedSession> past = List.of(attended(MONDAY, 180),
                new AttendedSession(MONDAY.plusDays(2), AttendanceStatus.PRESENT, true, 170),
                new AttendedSession(MONDAY.plusDays(3), AttendanceStatus.PARTIAL, false, 60),
                absent(MONDAY.plusDays(7)), excused(MONDAY.plusDays(9)),
                AttendedSession.cancelled(MONDAY.plusDays(10)), AttendedSession.notHeld(MONDAY.plusDays(14)),
                AttendedSession.notHeld(MONDAY.plusDays(16)));

        ProgramProgress progress = calculate(past);

        assertThat(progress.creditedSessions()).isEqualTo(2);
        assertThat(progress.attendedSessions()).as("credited or not").isEqualTo(3);
        assertThat(progress.absentSessions()).isEqualTo(1);
        assertThat(progress.excusedSessions()).isEqualTo(1);
        assertThat(progress.cancelledSessions()).isEqualTo(1);
        assertThat(progress.notHeldSessions()).isEqualTo(2);
        assertThat(progress.remainingSessions()).as("neither cancelled nor not held sessions count as attended")
                .isEqualTo(22);
        assertThat(progress.weeks()).as("only sessions held add a week").extracting(w -> w.monday())
                .containsExactly(MONDAY, MONDAY.plusDays(7));
        assertThat(AttendedSession.notHeld(MONDAY).counted()).isEqualTo(AttendedSession.Counted.NOT_HELD);
        assertThat(new AttendedSession(MONDAY, AttendanceStatus.PARTIAL, false, 10).counted())
                .isEqualTo(AttendedSession.Counted.ATTENDED);
    }

    @Test
    void weeksBelowTheNineHourMinimumAreFlagged() {
        List<AttendedSession> past = List.of(attended(MONDAY, 180), attended(MONDAY.plusDays(2), 180),
                attended(MONDAY.plusDays(3), 180), attended(MONDAY.plusDays(7), 180));

        ProgramProgress progress = calculate(past);

        assertThat(progress.weeks()).hasSize(2);
        assertThat(progress.weeks().get(0).minutesAttended()).isEqualTo(540);
        assertThat(progress.weeks().get(0).belowMinimum()).isFalse();
        assertThat(progress.weeks().get(1).belowMinimum()).isTrue();
    }

    @Test
    void twoAbsencesInARowRaiseTheFlagAndExcusedSessionsDoNotBreakTheRun() {
        List<AttendedSession> past = List.of(attended(MONDAY, 180), absent(MONDAY.plusDays(2)),
                excused(MONDAY.plusDays(3)), absent(MONDAY.plusDays(7)));

        ProgramProgress progress = calculate(past);

        assertThat(progress.consecutiveAbsences()).isEqualTo(2);
        assertThat(progress.absenceFlag()).isTrue();
        assertThat(calculate(List.of(absent(MONDAY), attended(MONDAY.plusDays(2), 180))).absenceFlag()).isFalse();
    }

    @Test
    void cancelledAndNotHeldSessionsNeitherCountAgainstThePatientNorBreakARun() {
        ProgramProgress between = calculate(List.of(attended(MONDAY, 180), absent(MONDAY.plusDays(2)),
                AttendedSession.cancelled(MONDAY.plusDays(3)), AttendedSession.notHeld(MONDAY.plusDays(7)),
                absent(MONDAY.plusDays(9))));
        assertThat(between.consecutiveAbsences()).isEqualTo(2);

        ProgramProgress onlyNotHeld = calculate(List.of(attended(MONDAY, 180),
                AttendedSession.notHeld(MONDAY.plusDays(2)), AttendedSession.notHeld(MONDAY.plusDays(3)),
                AttendedSession.cancelled(MONDAY.plusDays(7))));
        assertThat(onlyNotHeld.consecutiveAbsences()).isZero();
        assertThat(onlyNotHeld.absenceFlag()).isFalse();
        assertThat(onlyNotHeld.absentSessions()).isZero();
    }

    @Test
    void theProjectionIsTheLocalDayOfTheLastSessionNeededAcrossTheChangeFromDaylightTime() {
        // Monday 19 October 2026, noon in Chicago (daylight time); the clocks go back on Sunday 1 November.
        Instant now = Instant.parse("2026-10-19T17:00:00Z");
        List<AttendedSession> past = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            past.add(attended(LocalDate.of(2026, 9, 7).plusDays(i), 180));
        }
        ScheduleAhead ahead = new ScheduleAhead(MON_WED_THU, LocalDate.of(2026, 9, 7), null, List.of());

        ProgramProgress progress = ProgressCalculator.calculate(past, List.of(ahead), now, 24, 540);

        // 14 still needed: 19, 21, 22, 26, 28, 29 October; 2, 4, 5, 9, 11, 12, 16 and 18 November. 18:00 CST on
        // Wednesday 18 November is already Thursday in UTC: the day is the group's.
        assertThat(progress.remainingSessions()).isEqualTo(14);
        assertThat(progress.projectedCompletion()).isEqualTo(LocalDate.of(2026, 11, 18));
    }

    @Test
    void storedSessionsStandForTheirSlotsAndTodaysSessionCountsUntilItsEnd() {
        Instant now = Instant.parse("2026-10-19T17:00:00Z"); // before Monday's 18:00 session
        LocalDate first = LocalDate.of(2026, 9, 7);
        GroupSession cancelled = stored(LocalDate.of(2026, 10, 21));
        cancelled.cancel("Staff training", now);
        GroupSession scheduled = stored(LocalDate.of(2026, 10, 22));
        List<GroupSession> stored = List.of(stored(LocalDate.of(2026, 10, 19)), cancelled, scheduled);

        LocalDate withACancellation = ProgressCalculator.nthSessionAhead(
                List.of(new ScheduleAhead(MON_WED_THU, first, null, stored)), now, 14);
        assertThat(withACancellation).as("the cancelled Wednesday does not take place")
                .isEqualTo(LocalDate.of(2026, 11, 19));

        Instant duringMondaysSession = Instant.parse("2026-10-19T23:30:00Z");
        Instant afterMondaysSession = Instant.parse("2026-10-20T02:00:00Z");
        ScheduleAhead plain = new ScheduleAhead(MON_WED_THU, first, null, List.of());
        assertThat(ProgressCalculator.nthSessionAhead(List.of(plain), duringMondaysSession, 1))
                .isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(ProgressCalculator.nthSessionAhead(List.of(plain), afterMondaysSession, 1))
                .isEqualTo(LocalDate.of(2026, 10, 21));
    }

    @Test
    void theProjectionLooksNoFurtherThanTheMembershipAndTheHorizon() {
        Instant now = Instant.parse("2026-10-19T17:00:00Z");
        LocalDate today = LocalDate.of(2026, 10, 19);
        assertThat(ProgressCalculator.nthSessionAhead(List.of(), now, 1)).as("nothing ahead").isNull();
        assertThat(ProgressCalculator.nthSessionAhead(
                List.of(new ScheduleAhead(MON_WED_THU, today, today.plusDays(13), List.of())), now, 6))
                .isEqualTo(LocalDate.of(2026, 10, 29));
        assertThat(ProgressCalculator.nthSessionAhead(
                List.of(new ScheduleAhead(MON_WED_THU, today, today.plusDays(13), List.of())), now, 7))
                .as("the membership ends first").isNull();
        assertThat(ProgressCalculator.nthSessionAhead(
                List.of(new ScheduleAhead(MON_WED_THU, today.plusYears(3), null, List.of())), now, 1))
                .as("beyond the horizon").isNull();
        WeeklySchedule mondays = new WeeklySchedule(CHICAGO,
                List.of(new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(9, 0), 180)));
        assertThat(ProgressCalculator.nthSessionAhead(List.of(new ScheduleAhead(mondays, today, null, List.of())),
                now, 104)).as("today's 9:00 session is over; the 104th Monday after is the last in two years")
                .isEqualTo(LocalDate.of(2028, 10, 16));
        assertThat(ProgressCalculator.nthSessionAhead(List.of(new ScheduleAhead(mondays, today, null, List.of())),
                now, 105)).isNull();
    }

    @Test
    void twoGroupsMergeInStartOrder() {
        Instant now = Instant.parse("2026-10-19T17:00:00Z");
        LocalDate today = LocalDate.of(2026, 10, 19);
        WeeklySchedule tuesdayMornings = new WeeklySchedule(ZoneId.of("America/New_York"),
                List.of(new ScheduleSlot(DayOfWeek.TUESDAY, LocalTime.of(9, 0), 180)));
        List<ScheduleAhead> both = List.of(new ScheduleAhead(MON_WED_THU, today, null, List.of()),
                new ScheduleAhead(tuesdayMornings, today, null, List.of()));
        // Mon 19, Tue 20, Wed 21, Thu 22, Mon 26, Tue 27, ...
        assertThat(ProgressCalculator.nthSessionAhead(both, now, 2)).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(ProgressCalculator.nthSessionAhead(both, now, 6)).isEqualTo(LocalDate.of(2026, 10, 27));
        assertThat(ProgressCalculator.nthSessionAhead(both, now, 60)).as("the Thursday of the 15th week")
                .isEqualTo(LocalDate.of(2027, 1, 28));
    }

    @Test
    void aCompletedRequirementIsDatedByTheSessionThatCompletedIt() {
        List<AttendedSession> past = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            past.add(attended(MONDAY.plusDays(i), 180));
        }

        ProgramProgress progress = ProgressCalculator.calculate(past, List.of(), NOW, 20, 540);

        assertThat(progress.remainingSessions()).isZero();
        assertThat(progress.projectedCompletion()).isEqualTo(MONDAY.plusDays(19));
    }

    @Test
    void aMovedSessionCountsOnceWhereItTakesPlaceAndItsOldSlotIsNotPlannedAgain() {
        Instant now = Instant.parse("2026-10-19T17:00:00Z"); // Monday, before its 18:00 session
        LocalDate first = LocalDate.of(2026, 9, 7);
        GroupSession wednesday = stored(LocalDate.of(2026, 10, 21));
        wednesday.reschedule(SessionScheduler.plan(LocalDate.of(2026, 10, 20), LocalTime.of(10, 0), 180, CHICAGO),
                "Room booked on Wednesday", now);
        ScheduleAhead ahead = new ScheduleAhead(MON_WED_THU, first, null,
                List.of(stored(LocalDate.of(2026, 10, 19)), wednesday));

        assertThat(ProgressCalculator.nthSessionAhead(List.of(ahead), now, 2)).as("moved to Tuesday")
                .isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(ProgressCalculator.nthSessionAhead(List.of(ahead), now, 3)).as("Wednesday's slot is taken")
                .isEqualTo(LocalDate.of(2026, 10, 22));
    }
}
