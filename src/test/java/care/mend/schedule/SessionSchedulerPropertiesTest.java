package care.mend.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.platform.problem.MendException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of schedule expansion over random schedules, zones (with and without daylight saving) and ranges. */
class SessionSchedulerPropertiesTest {

    private record Key(LocalDate date, LocalTime start) {
    }

    private static Set<Key> keys(List<PlannedSession> sessions) {
        return sessions.stream().map(s -> new Key(s.localDate(), s.startLocalTime())).collect(Collectors.toSet());
    }

    @Provide
    Arbitrary<WeeklySchedule> schedules() {
        Arbitrary<ZoneId> zones = Arbitraries.of("America/Chicago", "America/New_York", "Europe/London",
                "Australia/Lord_Howe", "America/Havana", "Asia/Kolkata", "Pacific/Chatham", "UTC").map(ZoneId::of);
        Arbitrary<ScheduleSlot> slots = Combinators.combine(Arbitraries.of(DayOfWeek.class),
                        Arbitraries.integers().between(0, 23), Arbitraries.of(0, 15, 30, 45),
                        Arbitraries.integers().between(30, 360))
                .as((day, hour, minute, length) -> new ScheduleSlot(day, LocalTime.of(hour, minute), length));
        return Combinators.combine(zones, slots.list().ofMinSize(1).ofMaxSize(6))
                .as(SessionSchedulerPropertiesTest::scheduleOrNull)
                .filter(s -> s != null);
    }

    private static WeeklySchedule scheduleOrNull(ZoneId zone, List<ScheduleSlot> slots) {
        try {
            return new WeeklySchedule(zone, slots);
        } catch (MendException overlapping) {
            return null;
        }
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 5 * 366).map(n -> LocalDate.of(2024, 1, 1).plusDays(n));
    }

    @Property
    void oneSessionPerSlotAndMatchingDay(@ForAll("schedules") WeeklySchedule schedule,
                                         @ForAll("days") LocalDate from, @ForAll @IntRange(max = 120) int days) {
        LocalDate to = from.plusDays(days);
        List<PlannedSession> sessions = SessionScheduler.expand(schedule, from, to);

        long expected = from.datesUntil(to.plusDays(1)).mapToLong(d -> schedule.slots().stream()
                .filter(slot -> slot.dayOfWeek() == d.getDayOfWeek()).count()).sum();
        assertThat(sessions).hasSize((int) expected);
        assertThat(keys(sessions)).hasSize(sessions.size());
        assertThat(sessions).isSortedAccordingTo((a, b) -> a.startsAt().compareTo(b.startsAt()));
        for (PlannedSession s : sessions) {
            assertThat(s.localDate()).isBetween(from, to);
            ScheduleSlot slot = schedule.slots().stream()
                    .filter(x -> x.dayOfWeek() == s.localDate().getDayOfWeek() && x.startTime().equals(s.startLocalTime()))
                    .findFirst().orElseThrow();
            assertThat(Duration.between(s.startsAt(), s.endsAt())).isEqualTo(Duration.ofMinutes(slot.lengthMinutes()));
        }
    }

    @Property
    void sessionsKeepTheirLocalTimeExceptInAGapWhereTheyMoveForwardByIt(
            @ForAll("schedules") WeeklySchedule schedule, @ForAll("days") LocalDate from,
            @ForAll @IntRange(max = 60) int days) {
        for (PlannedSession s : SessionScheduler.expand(schedule, from, from.plusDays(days))) {
            LocalDateTime scheduled = LocalDateTime.of(s.localDate(), s.startLocalTime());
            LocalDateTime actual = LocalDateTime.ofInstant(s.startsAt(), schedule.zone());
            Optional<ZoneOffsetTransition> gap = Optional.ofNullable(
                    schedule.zone().getRules().getTransition(scheduled)).filter(ZoneOffsetTransition::isGap);
            assertThat(actual).isEqualTo(gap.map(t -> scheduled.plus(t.getDuration())).orElse(scheduled));
        }
    }

    @Property
    void overlappingRangesNeverProduceASessionTwice(@ForAll("schedules") WeeklySchedule schedule,
                                                     @ForAll("days") LocalDate from,
                                                     @ForAll @IntRange(max = 60) int firstDays,
                                                     @ForAll @IntRange(max = 60) int overlapBack,
                                                     @ForAll @IntRange(max = 60) int secondDays) {
        LocalDate firstTo = from.plusDays(firstDays);
        LocalDate secondFrom = firstTo.minusDays(Math.min(overlapBack, firstDays));
        LocalDate secondTo = secondFrom.plusDays(secondDays);

        List<PlannedSession> first = SessionScheduler.expand(schedule, from, firstTo);
        List<PlannedSession> second = SessionScheduler.expand(schedule, secondFrom, secondTo);
        List<PlannedSession> whole = SessionScheduler.expand(schedule, from,
                secondTo.isAfter(firstTo) ? secondTo : firstTo);

        // What the service does: keep the first, add from the second only the keys not seen yet.
        Set<Key> stored = new HashSet<>(keys(first));
        int added = (int) second.stream().filter(s -> stored.add(new Key(s.localDate(), s.startLocalTime()))).count();
        assertThat(stored).isEqualTo(keys(whole));
        assertThat(first.size() + added).isEqualTo(whole.size());
        // And the same key always maps to the same instants.
        assertThat(second).allSatisfy(s -> whole.stream()
                .filter(w -> w.localDate().equals(s.localDate()) && w.startLocalTime().equals(s.startLocalTime()))
                .findFirst().ifPresent(w -> assertThat(w).isEqualTo(s)));
    }

    @Property
    void theSameRangeTwiceGivesTheSameSessions(@ForAll("schedules") WeeklySchedule schedule,
                                              @ForAll("days") LocalDate from, @ForAll @IntRange(max = 30) int days) {
        assertThat(SessionScheduler.expand(schedule, from, from.plusDays(days)))
                .isEqualTo(SessionScheduler.expand(schedule, from, from.plusDays(days)));
    }
}
