package care.mend.attendance;

import static care.mend.attendance.AttendanceStatus.ABSENT;
import static care.mend.attendance.AttendanceStatus.EXCUSED;
import static care.mend.attendance.AttendanceStatus.LATE;
import static care.mend.attendance.AttendanceStatus.LEFT_EARLY;
import static care.mend.attendance.AttendanceStatus.PARTIAL;
import static care.mend.attendance.AttendanceStatus.PRESENT;
import static care.mend.room.PresenceKind.ADMITTED;
import static care.mend.room.PresenceKind.CONNECTION_LOST;
import static care.mend.room.PresenceKind.LEFT;
import static care.mend.room.PresenceKind.MODALITY_CHANGED;
import static care.mend.room.PresenceKind.RESUMED;
import static care.mend.room.PresenceKind.SESSION_ENDED;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.MediaModality;
import care.mend.room.ParticipantId;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import care.mend.room.RoomRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttendanceCalculatorTest {

    static final UUID SESSION = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
    static final Instant START = Instant.parse("2026-11-02T00:00:00Z"); // 18:00 in Chicago
    static final Instant END = START.plusSeconds(180 * 60);

    /** Builds one participant's events with increasing sequence numbers, as a room does. */
    static final class Events {
        final List<PresenceEvent> list = new ArrayList<>();
        private final String participant;
        private long sequence;

        Events(String participant) {
            this.participant = participant;
        }

        Events at(int minute, PresenceKind kind) {
            return at(minute, kind, MediaModality.AUDIO_VIDEO);
        }

        Events at(int minute, PresenceKind kind, MediaModality modality) {
            sequence++;
            list.add(new PresenceEvent(SESSION, new ParticipantId(participant), "subject", RoomRole.PATIENT, kind,
                    modality, START.plusSeconds(minute * 60L),
                    SESSION + ":" + participant + ":" + kind + ":" + sequence));
            return this;
        }
    }

    static SessionAttendance calc(List<PresenceEvent> events, Instant actualEnd) {
        return AttendanceCalculator.calculate(START, END, actualEnd, events, false, AttendanceRules.DEFAULT);
    }

    @Test
    void onTimeToTheEndIsPresent() {
        SessionAttendance a = calc(new Events("p").at(-5, ADMITTED).at(180, SESSION_ENDED).list, END);

        assertThat(a.status()).isEqualTo(PRESENT);
        assertThat(a.minutesPresent()).isEqualTo(180); // the waiting minutes before the start do not count
        assertThat(a.credited()).isTrue();
        assertThat(a.creditMinutes()).isEqualTo(135);
        assertThat(a.explanation()).contains("180 of 180");
    }

    @Test
    void arrivingAfterFifteenMinutesIsLateButCredited() {
        SessionAttendance a = calc(new Events("p").at(20, ADMITTED).at(180, SESSION_ENDED).list, END);

        assertThat(a.status()).isEqualTo(LATE);
        assertThat(a.minutesPresent()).isEqualTo(160);
    }

    @Test
    void leavingEarlyWithEnoughMinutes() {
        SessionAttendance a = calc(new Events("p").at(0, ADMITTED).at(150, LEFT).list, END);

        assertThat(a.status()).isEqualTo(LEFT_EARLY);
        assertThat(a.credited()).isTrue();
        assertThat(a.lastLeft()).isEqualTo(START.plusSeconds(150 * 60));
    }

    @Test
    void tooFewMinutesIsPartial() {
        SessionAttendance a = calc(new Events("p").at(0, ADMITTED).at(100, LEFT).list, END);

        assertThat(a.status()).isEqualTo(PARTIAL);
        assertThat(a.credited()).isFalse();
    }

    @Test
    void neverAdmittedIsAbsentAndExcusedOverridesEverything() {
        assertThat(calc(List.of(), END).status()).isEqualTo(ABSENT);
        SessionAttendance excused = AttendanceCalculator.calculate(START, END, END,
                new Events("p").at(0, ADMITTED).at(180, SESSION_ENDED).list, true, AttendanceRules.DEFAULT);
        assertThat(excused.status()).isEqualTo(EXCUSED);
        assertThat(excused.credited()).isFalse();
    }

    @Test
    void reconnectionGapsAreExcludedAndShown() {
        SessionAttendance a = calc(new Events("p").at(0, ADMITTED).at(60, CONNECTION_LOST).at(63, RESUMED)
                .at(180, SESSION_ENDED).list, END);

        assertThat(a.minutesPresent()).isEqualTo(177);
        assertThat(a.gaps()).hasSize(1);
        assertThat(a.gaps().get(0).length().toMinutes()).isEqualTo(3);
        assertThat(a.status()).isEqualTo(PRESENT);
    }

    @Test
    void aDropNeverResumedIsADepartureAtTheDrop() {
        SessionAttendance a = calc(new Events("p").at(0, ADMITTED).at(90, CONNECTION_LOST).at(92, LEFT).list, END);

        assertThat(a.minutesPresent()).isEqualTo(90);
        assertThat(a.lastLeft()).isEqualTo(START.plusSeconds(90 * 60));
        assertThat(a.gaps()).isEmpty();
        assertThat(a.status()).isEqualTo(PARTIAL);
    }

    @Test
    void minutesAreSplitByModality() {
        SessionAttendance a = calc(new Events("p").at(0, ADMITTED, MediaModality.AUDIO_VIDEO)
                .at(40, MODALITY_CHANGED, MediaModality.AUDIO_ONLY).at(180, SESSION_ENDED).list, END);

        assertThat(a.minutesByModality()).containsEntry(MediaModality.AUDIO_VIDEO, 40L)
                .containsEntry(MediaModality.AUDIO_ONLY, 140L).containsEntry(MediaModality.NONE, 0L);
    }

    @Test
    void eventsAfterTheEndChangeNothing() {
        List<PresenceEvent> events = new Events("p").at(0, ADMITTED).at(180, SESSION_ENDED).at(185, RESUMED)
                .at(200, LEFT).list;

        assertThat(calc(events, END).minutesPresent()).isEqualTo(180);
    }

    @Test
    void aLiveSessionCountsUpToTheScheduledEnd() {
        SessionAttendance a = calc(new Events("p").at(10, ADMITTED).list, null);

        assertThat(a.minutesPresent()).isEqualTo(170);
    }

    @Test
    void aSecondStayAfterLeavingCounts() {
        Events first = new Events("p1").at(0, ADMITTED).at(30, LEFT);
        Events second = new Events("p2").at(35, ADMITTED).at(180, SESSION_ENDED);
        List<PresenceEvent> both = new ArrayList<>(first.list);
        both.addAll(second.list);

        SessionAttendance a = calc(both, END);

        assertThat(a.minutesPresent()).isEqualTo(175);
        assertThat(a.present()).hasSize(2);
        assertThat(a.status()).isEqualTo(PRESENT);
    }
}
