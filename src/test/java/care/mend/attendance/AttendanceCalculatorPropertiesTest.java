package care.mend.attendance;

import static care.mend.attendance.AttendanceCalculatorTest.END;
import static care.mend.attendance.AttendanceCalculatorTest.START;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.MediaModality;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What must hold for any sequence of events a room can produce (admissions, modality changes, drops, resumes,
 * departures, the end), however they arrive: shuffled, with replays.
 */
class AttendanceCalculatorPropertiesTest {

    record Step(int minute, PresenceKind kind, MediaModality modality) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(1, 12),
                Arbitraries.of(PresenceKind.class), Arbitraries.of(MediaModality.class)).as(Step::new);
        return step.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<AttendanceRules> rules() {
        return Combinators.combine(Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(50, 100)).as((late, early, credit) -> new AttendanceRules(
                        Duration.ofMinutes(late), Duration.ofMinutes(early), credit));
    }

    private static List<PresenceEvent> events(List<Step> steps) {
        AttendanceCalculatorTest.Events events = new AttendanceCalculatorTest.Events("p");
        int minute = -10;
        for (Step step : steps) {
            minute += step.minute();
            events.at(minute, step.kind(), step.modality());
        }
        return events.list;
    }

    /** The events as they reach the calculator: some replayed, in any order. */
    private static List<PresenceEvent> arrived(List<PresenceEvent> events, long seed) {
        List<PresenceEvent> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(0, events.size() / 2));
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled;
    }

    private static SessionAttendance calc(List<PresenceEvent> events) {
        return AttendanceCalculatorTest.calc(events, END);
    }

    @Property
    void orderOfArrivalAndReplaysDoNotMatter(@ForAll("histories") List<Step> steps, @ForAll long seed) {
        List<PresenceEvent> events = events(steps);

        assertThat(calc(arrived(events, seed))).isEqualTo(calc(events));
    }

    @Property
    void minutesStayWithinTheWindowAndAddUp(@ForAll("histories") List<Step> steps, @ForAll long seed) {
        SessionAttendance a = calc(arrived(events(steps), seed));

        assertThat(a.minutesPresent()).isBetween(0L, 180L);
        // Minutes by modality add up exactly (CSV: minutes = audio_video + audio_only + no_media), and no modality
        // gets more whole minutes than its seconds round up to.
        assertThat(a.minutesByModality().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(a.minutesPresent());
        Map<MediaModality, Long> seconds = new EnumMap<>(MediaModality.class);
        a.present().forEach(i -> seconds.merge(i.modality(), i.length().toSeconds(), Long::sum));
        a.minutesByModality().forEach((modality, minutes) -> assertThat(minutes * 60)
                .isLessThan(seconds.getOrDefault(modality, 0L) + 60));
        for (PresenceInterval interval : a.present()) {
            assertThat(interval.from()).isAfterOrEqualTo(START);
            assertThat(interval.to()).isBeforeOrEqualTo(END);
        }
        assertThat(a.credited()).isEqualTo(a.minutesPresent() >= a.creditMinutes());
        assertThat(a.status() == AttendanceStatus.ABSENT).isEqualTo(a.present().isEmpty());
        Integer share = a.flags().audioOnlyPercent();
        if (a.minutesPresent() == 0) {
            assertThat(share).isNull();
        } else {
            assertThat(share).isBetween(0, 100);
            assertThat(share == 100).isEqualTo(a.minutesByModality().get(MediaModality.AUDIO_ONLY)
                    == a.minutesPresent());
        }
    }

    @Property
    void flagsNeverChangeTheMinutesTheCreditOrTheStatus(@ForAll("histories") List<Step> steps,
                                                         @ForAll("rules") AttendanceRules some,
                                                         @ForAll @IntRange(min = 0, max = 60) int late,
                                                         @ForAll @IntRange(min = 0, max = 60) int early,
                                                         @ForAll boolean excused) {
        List<PresenceEvent> events = events(steps);
        AttendanceRules other = new AttendanceRules(Duration.ofMinutes(late), Duration.ofMinutes(early),
                some.creditPercent());
        SessionAttendance a = AttendanceCalculator.calculate(START, END, END, events, excused, some);
        SessionAttendance b = AttendanceCalculator.calculate(START, END, END, events, excused, other);

        // Only the thresholds differ: everything but the flags' verdicts (and the words that say them) is the same.
        assertThat(b).usingRecursiveComparison().ignoringFields("flags.late", "flags.leftEarly", "explanation")
                .isEqualTo(a);
    }

    @Property
    void theStatusIsAFunctionOfMinutesCreditAndExcuseOnly(@ForAll("histories") List<Step> steps,
                                                          @ForAll("rules") AttendanceRules rules,
                                                          @ForAll boolean excused) {
        SessionAttendance a = AttendanceCalculator.calculate(START, END, END, events(steps), excused, rules);

        AttendanceStatus expected = excused ? AttendanceStatus.EXCUSED
                : a.present().isEmpty() ? AttendanceStatus.ABSENT
                : a.minutesPresent() >= rules.creditMinutes(180) ? AttendanceStatus.PRESENT : AttendanceStatus.PARTIAL;
        assertThat(a.status()).isEqualTo(expected);
        assertThat(a.credited()).isEqualTo(expected == AttendanceStatus.PRESENT);
    }

    @Property
    void lateAndLeftEarlyAgreeWithFirstAdmittedAndLastLeft(@ForAll("histories") List<Step> steps,
                                                           @ForAll("rules") AttendanceRules rules, @ForAll long seed) {
        SessionAttendance a = AttendanceCalculator.calculate(START, END, END, arrived(events(steps), seed), false,
                rules);
        AttendanceFlags f = a.flags();

        if (a.firstAdmitted() == null) {
            assertThat(f.lateMinutes()).isNull();
            assertThat(f.leftEarlyMinutes()).isNull();
            assertThat(a.present()).isEmpty();
            return;
        }
        // As the migration V11 computes them from the stored first_admitted and last_left.
        assertThat(f.lateMinutes()).isEqualTo(wholeMinutes(START, a.firstAdmitted()));
        assertThat(f.leftEarlyMinutes()).isEqualTo(a.lastLeft() == null ? 0
                : Math.min(wholeMinutes(a.lastLeft(), END), 180));
        assertThat(f.late()).isEqualTo(f.lateMinutes() > rules.lateAfter().toMinutes());
        assertThat(f.leftEarly()).isEqualTo(f.leftEarlyMinutes() > rules.earlyLeaveBefore().toMinutes());
        // And with the minutes: nobody is present before they first arrive or after they last leave.
        if (!a.present().isEmpty()) {
            assertThat(a.present().get(0).from()).isAfterOrEqualTo(a.firstAdmitted());
            if (a.lastLeft() != null) {
                assertThat(a.present().get(a.present().size() - 1).to()).isBeforeOrEqualTo(a.lastLeft());
            }
        }
        assertThat(f.gapCount()).isEqualTo(a.gaps().size());
        assertThat(f.gapMinutes()).isEqualTo(a.gaps().stream().mapToLong(g -> g.length().toSeconds()).sum() / 60);
    }

    @Property
    void theLiveLineAndTheFinalLineAgreeOnceTheSessionHasEnded(@ForAll("histories") List<Step> steps,
                                                               @ForAll @IntRange(min = -10, max = 220) int endMinute,
                                                               @ForAll("rules") AttendanceRules rules,
                                                               @ForAll long seed) {
        Instant end = START.plusSeconds(endMinute * 60L);
        // What the room had reported when the window closed: the live line cannot see later events.
        List<PresenceEvent> events = arrived(events(steps), seed).stream().filter(e -> !e.at().isAfter(end))
                .toList();
        SessionAttendance live = AttendanceCalculator.live(START, END, end, events, rules);
        SessionAttendance last = AttendanceCalculator.calculate(START, END, end.isBefore(START) ? START : end, events,
                false, rules);

        assertThat(live.status()).isNull();
        assertThat(last.status()).isNotNull();
        assertThat(last.liveState()).isNull();
        assertThat(live).usingRecursiveComparison().comparingOnlyFields("firstAdmitted", "lastLeft",
                "minutesPresent", "minutesByModality", "present", "gaps", "credited", "flags.lateMinutes",
                "flags.late", "flags.gapCount", "flags.gapMinutes", "flags.audioOnlyPercent").isEqualTo(last);
        assertThat(live.flags().leftEarlyMinutes()).as("unknown while live").isNull();
        switch (live.liveState()) {
            case NOT_ARRIVED -> assertThat(last.status()).isEqualTo(AttendanceStatus.ABSENT);
            case IN_ROOM -> assertThat(last.flags().leftEarlyMinutes()).isZero();
            case RECONNECTING, LEFT -> assertThat(last.lastLeft()).isEqualTo(live.liveSince());
        }
    }

    @Property
    void eventsAfterTheEndChangeNothing(@ForAll("histories") List<Step> steps, @ForAll("histories") List<Step> later) {
        List<PresenceEvent> events = events(steps);
        List<PresenceEvent> withLater = new ArrayList<>(events);
        AttendanceCalculatorTest.Events after = new AttendanceCalculatorTest.Events("late");
        int minute = 181;
        for (Step step : later) {
            minute += step.minute();
            after.at(minute, step.kind(), step.modality());
        }
        withLater.addAll(after.list);

        assertThat(calc(withLater).minutesPresent()).isEqualTo(calc(events).minutesPresent());
        assertThat(calc(withLater).present()).isEqualTo(calc(events).present());
    }

    /**
     * A stall (the connection declared lost, then resumed) and a seat taken over from another device (the old
     * connection lost at its last sign of life, the new one resuming) are the same pair of events in the ledger. Put
     * inside a stay, in any place and of any length, they take exactly their own time (within the session) out of the
     * presence and never add any: the minutes never go up.
     */
    @Property
    void stallsAndTakeoversNeverAddPresence(@ForAll @IntRange(min = -20, max = 200) int admittedAt,
                                            @ForAll @IntRange(min = 1, max = 220) int stay,
                                            @ForAll @IntRange(min = 0, max = 1000) int dropPermille,
                                            @ForAll @IntRange(min = 0, max = 1000) int awayPermille,
                                            @ForAll MediaModality modality, @ForAll boolean endsWithTheSession) {
        int leftAt = admittedAt + stay;
        int lostAt = admittedAt + stay * dropPermille / 1000;
        int resumedAt = lostAt + (leftAt - lostAt) * awayPermille / 1000;
        PresenceKind end = endsWithTheSession ? PresenceKind.SESSION_ENDED : PresenceKind.LEFT;
        List<PresenceEvent> without = new AttendanceCalculatorTest.Events("p").at(admittedAt, PresenceKind.ADMITTED,
                modality).at(leftAt, end, modality).list;
        List<PresenceEvent> with = new AttendanceCalculatorTest.Events("p").at(admittedAt, PresenceKind.ADMITTED,
                modality).at(lostAt, PresenceKind.CONNECTION_LOST, modality)
                .at(resumedAt, PresenceKind.RESUMED, modality).at(leftAt, end, modality).list;

        SessionAttendance a = calc(without);
        SessionAttendance b = calc(with);
        long away = Math.max(0, Math.min(resumedAt, 180) - Math.max(lostAt, 0)) * 60L;
        assertThat(seconds(b)).isEqualTo(seconds(a) - Math.min(away, seconds(a)));
        assertThat(b.minutesPresent()).isLessThanOrEqualTo(a.minutesPresent());
        for (PresenceInterval interval : b.present()) {
            assertThat(a.present()).anyMatch(outer -> !interval.from().isBefore(outer.from())
                    && !interval.to().isAfter(outer.to()));
        }
    }

    private static long seconds(SessionAttendance a) {
        return a.present().stream().mapToLong(i -> i.length().toSeconds()).sum();
    }

    private static int wholeMinutes(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).getSeconds() / 60);
    }
}
