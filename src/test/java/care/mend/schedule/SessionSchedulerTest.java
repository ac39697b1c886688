package care.mend.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples around Chicago's 2026 changes: spring forward Sunday 8 March, fall back Sunday 1 November. */
class SessionSchedulerTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static WeeklySchedule weekly(DayOfWeek day, LocalTime start, int minutes) {
        return new WeeklySchedule(CHICAGO, List.of(new ScheduleSlot(day, start, minutes)));
    }

    @Test
    void anEveningGroupStaysAtSixPmLocalAcrossSpringForward() {
        List<PlannedSession> sessions = SessionScheduler.expand(TherapyGroupTest.MON_WED_THU,
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15));

        assertThat(sessions).extracting(PlannedSession::localDate).containsExactly(
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 5),
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 12));
        assertThat(sessions).allSatisfy(s -> {
            assertThat(s.startLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(s.startsAt().atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(Duration.between(s.startsAt(), s.endsAt())).isEqualTo(Duration.ofMinutes(180));
            assertThat(s.zone()).isEqualTo(CHICAGO);
        });
        // Standard time (UTC-6) before the change, daylight time (UTC-5) after: one hour earlier in UTC.
        assertThat(sessions.get(2).startsAt()).isEqualTo(Instant.parse("2026-03-06T00:00:00Z"));
        assertThat(sessions.get(3).startsAt()).isEqualTo(Instant.parse("2026-03-09T23:00:00Z"));
    }

    @Test
    void andAcrossFallBack() {
        List<PlannedSession> sessions = SessionScheduler.expand(TherapyGroupTest.MON_WED_THU,
                LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 2));
        assertThat(sessions).extracting(PlannedSession::startsAt).containsExactly(
                Instant.parse("2026-10-29T23:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"));
    }

    @Test
    void aStartInTheSpringForwardGapMovesForwardByTheGap() {
        List<PlannedSession> sessions = SessionScheduler.expand(weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 30), 60),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15));

        assertThat(sessions).hasSize(3);
        PlannedSession onTheDay = sessions.get(1);
        assertThat(onTheDay.localDate()).isEqualTo(LocalDate.of(2026, 3, 8));
        // 02:30 does not exist on 8 March: the session starts at 03:30 daylight time, and is still identified by
        // its scheduled 02:30 (so regenerating finds it).
        assertThat(onTheDay.startLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(onTheDay.startsAt().atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(onTheDay.startsAt()).isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
        assertThat(sessions.get(0).startsAt().atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(sessions.get(2).startsAt().atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void aStartInTheFallBackOverlapTakesTheEarlierOffset() {
        PlannedSession s = SessionScheduler.expand(weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 30), 60),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)).get(0);
        assertThat(s.startsAt()).isEqualTo(Instant.parse("2026-11-01T06:30:00Z")); // 01:30 CDT
    }

    @Test
    void aSessionAcrossAChangeLastsItsLengthInElapsedTime() {
        PlannedSession s = SessionScheduler.expand(weekly(DayOfWeek.SUNDAY, LocalTime.of(0, 30), 180),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)).get(0);
        assertThat(Duration.between(s.startsAt(), s.endsAt())).isEqualTo(Duration.ofMinutes(180));
        // 00:30 CDT + 3 h elapsed = 02:30 CST on the wall clock.
        assertThat(s.endsAt().atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void rangesAreInclusiveAndMayBeOneDay() {
        assertThat(SessionScheduler.expand(TherapyGroupTest.MON_WED_THU, LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 2))).hasSize(1);
        assertThat(SessionScheduler.expand(TherapyGroupTest.MON_WED_THU, LocalDate.of(2026, 3, 3),
                LocalDate.of(2026, 3, 3))).isEmpty();
        assertThatThrownBy(() -> SessionScheduler.expand(TherapyGroupTest.MON_WED_THU, LocalDate.of(2026, 3, 3),
                LocalDate.of(2026, 3, 2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aOneOffSessionInTheSpringForwardGapMovesForwardAsTheWeeklyOnesDo() {
        PlannedSession oneOff = SessionScheduler.plan(LocalDate.of(2026, 3, 8), LocalTime.of(2, 30), 60, CHICAGO);
        PlannedSession weekly = SessionScheduler.expand(weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 30), 60),
                LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8)).get(0);

        assertThat(oneOff).isEqualTo(weekly);
        assertThat(oneOff.startLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(oneOff.startsAt()).isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
        assertThat(oneOff.endsAt()).isEqualTo(Instant.parse("2026-03-08T09:30:00Z"));
    }
}
