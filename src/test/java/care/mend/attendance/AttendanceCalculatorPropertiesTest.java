package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.MediaModality;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What must hold for any sequence of events a room can produce, however they arrive. */
class AttendanceCalculatorPropertiesTest {

    record Step(int minute, PresenceKind kind, MediaModality modality) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(1, 12),
                Arbitraries.of(PresenceKind.class), Arbitraries.of(MediaModality.class)).as(Step::new);
        return step.list().ofMaxSize(30);
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

    private static SessionAttendance calc(List<PresenceEvent> events) {
        return AttendanceCalculatorTest.calc(events, AttendanceCalculatorTest.END);
    }

    @Property
    void orderOfArrivalAndReplaysDoNotMatter(@ForAll("histories") List<Step> steps, @ForAll long seed) {
        List<PresenceEvent> events = events(steps);
        List<PresenceEvent> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(0, events.size() / 2)); // replays
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(calc(shuffled)).isEqualTo(calc(events));
    }

    @Property
    void minutesStayWithinTheWindowAndAddUp(@ForAll("histories") List<Step> steps) {
        SessionAttendance a = calc(events(steps));

        assertThat(a.minutesPresent()).isBetween(0L, 180L);
        // Minutes by modality add up exactly (CSV: minutes = audio_video + audio_only + no_media), and no modality
        // gets more whole minutes than its seconds round up to.
        assertThat(a.minutesByModality().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(a.minutesPresent());
        java.util.Map<care.mend.media.MediaModality, Long> seconds = new java.util.EnumMap<>(
                care.mend.media.MediaModality.class);
        a.present().forEach(i -> seconds.merge(i.modality(), i.length().toSeconds(), Long::sum));
        a.minutesByModality().forEach((modality, minutes) -> assertThat(minutes * 60)
                .isLessThan(seconds.getOrDefault(modality, 0L) + 60));
        for (PresenceInterval interval : a.present()) {
            assertThat(interval.from()).isAfterOrEqualTo(AttendanceCalculatorTest.START);
            assertThat(interval.to()).isBeforeOrEqualTo(AttendanceCalculatorTest.END);
        }
        assertThat(a.credited()).isEqualTo(a.minutesPresent() >= a.creditMinutes());
        assertThat(a.status() == AttendanceStatus.ABSENT).isEqualTo(a.present().isEmpty());
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
}
