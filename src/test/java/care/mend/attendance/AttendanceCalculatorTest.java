package care.mend.attendance;

import static care.mend.attendance.AttendanceStatus.ABSENT;
import static care.mend.attendance.AttendanceStatus.EXCUSED;
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
    void arrivingAfterFifteenMinutesIsPresentAndFlaggedLate() {
        SessionAttendance a = calc(new Events("p").at(20, ADMITTED).at(180, SESSION_ENDED).list, END);

        assertThat(a.status()).isEqualTo(PRESENT);
        assertThat(a.credited()).isTrue();
        assertThat(a.minutesPresent()).isEqualTo(160);
        assertThat(a.flags().late()).isTrue();
        assertThat(a.flags().lateMinutes()).isEqualTo(20);
        assertThat(a.flags().leftEarly()).isFalse();
        assertThat(a.flags().leftEarlyMinutes()).isZero();
        assertThat(a.explanation()).contains("in 20 min after the start (late)");
    }

    @Test
    void leavingEarlyWithEnoughMinutesIsPresentAndFlaggedLeftEarly() {
        SessionAttendance a = calc(new Events("p").at(0, ADMITTED).at(150, LEFT).list, END);

        assertThat(a.status()).isEqualTo(PRESENT);
        assertThat(a.credited()).isTrue();
        assertThat(a.lastLeft()).isEqualTo(START.plusSeconds(150 * 60));
        assertThat(a.flags().leftEarly()).isTrue();
        assertThat(a.flags().leftEarlyMinutes()).isEqualTo(30);
        assertThat(a.flags().late()).isFalse();
    }

    @Test
    void lateAndLeftEarlyAreIndependentOfEachOtherAndOfPartial() {
        // What every patient used to be shown as: PARTIAL, hiding both.
        SessionAttendance a = calc(new Events("p").at(25, ADMITTED, MediaModality.AUDIO_ONLY).at(140, LEFT).list,
                END);

        assertThat(a.status()).isEqualTo(PARTIAL);
        assertThat(a.flags()).isEqualTo(new AttendanceFlags(25, true, 40, true, 0, 0, 100));
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
    void aSessionThatNeverEndedCountsUpToTheScheduledEnd() {
        SessionAttendance a = calc(new Events("p").at(10, ADMITTED).list, null);

        assertThat(a.minutesPresent()).isEqualTo(170);
    }

    static SessionAttendance live(List<PresenceEvent> events, int minute) {
        return AttendanceCalculator.live(START, END, START.plusSeconds(minute * 60L), events, AttendanceRules.DEFAULT);
    }

    @Test
    void aLiveLineHasNoStatusYetOnlyWhereThePatientIs() {
        SessionAttendance notYet = live(List.of(), 40);
        assertThat(notYet.status()).as("not absent while the session is on").isNull();
        assertThat(notYet.liveState()).isEqualTo(LiveState.NOT_ARRIVED);
        assertThat(notYet.liveSince()).isNull();
        assertThat(notYet.flags().lateMinutes()).isNull();
        assertThat(notYet.explanation()).isEqualTo("Not in the room yet.");

        SessionAttendance inRoom = live(new Events("p").at(2, ADMITTED).list, 40);
        assertThat(inRoom.status()).as("not partial after 38 minutes of 180").isNull();
        assertThat(inRoom.liveState()).isEqualTo(LiveState.IN_ROOM);
        assertThat(inRoom.liveSince()).isEqualTo(START.plusSeconds(120));
        assertThat(inRoom.minutesPresent()).as("so far, up to now").isEqualTo(38);
        assertThat(inRoom.credited()).isFalse();
        assertThat(inRoom.flags().lateMinutes()).isEqualTo(2);
        assertThat(inRoom.flags().leftEarlyMinutes()).as("unknown until the end").isNull();
        assertThat(inRoom.explanation()).startsWith("So far 38 of 180");
    }

    @Test
    void aLiveLineSaysReconnectingSinceTheDropAndLeftAtTheDeparture() {
        SessionAttendance reconnecting = live(new Events("p").at(0, ADMITTED).at(30, MODALITY_CHANGED,
                MediaModality.AUDIO_ONLY).at(35, CONNECTION_LOST).list, 37);
        assertThat(reconnecting.liveState()).isEqualTo(LiveState.RECONNECTING);
        assertThat(reconnecting.liveSince()).isEqualTo(START.plusSeconds(35 * 60));
        assertThat(reconnecting.minutesPresent()).isEqualTo(35);

        SessionAttendance back = live(new Events("p").at(0, ADMITTED).at(30, MODALITY_CHANGED,
                MediaModality.AUDIO_ONLY).at(35, CONNECTION_LOST).at(38, RESUMED).list, 50);
        assertThat(back.liveState()).isEqualTo(LiveState.IN_ROOM);
        assertThat(back.liveSince()).as("this stay, not the modality change").isEqualTo(START.plusSeconds(38 * 60));
        assertThat(back.flags().gapCount()).isEqualTo(1);
        assertThat(back.flags().gapMinutes()).isEqualTo(3);

        SessionAttendance left = live(new Events("p").at(0, ADMITTED).at(45, LEFT).list, 60);
        assertThat(left.liveState()).isEqualTo(LiveState.LEFT);
        assertThat(left.liveSince()).isEqualTo(START.plusSeconds(45 * 60));
        assertThat(left.status()).isNull();
    }

    @Test
    void theLiveLineBeforeTheStartCountsNothingYet() {
        SessionAttendance waiting = live(new Events("p").at(-10, ADMITTED).list, -5);

        assertThat(waiting.liveState()).isEqualTo(LiveState.IN_ROOM);
        assertThat(waiting.minutesPresent()).isZero();
        assertThat(waiting.flags().lateMinutes()).as("admitted before the start: on time").isZero();
    }

    @Test
    void onceEndedTheLineIsFinal() {
        List<PresenceEvent> events = new Events("p").at(5, ADMITTED).at(60, LEFT).list;
        SessionAttendance finalLine = calc(events, END);

        assertThat(finalLine.status()).isEqualTo(PARTIAL);
        assertThat(finalLine.liveState()).isNull();
        assertThat(calc(List.of(), END).status()).isEqualTo(ABSENT);
    }

    @Test
    void leavingAtTheScheduledEndOfASessionThatOverranIsNotLeavingEarly() {
        SessionAttendance a = calc(new Events("p").at(0, ADMITTED).at(180, LEFT).list, END.plusSeconds(20 * 60));

        assertThat(a.flags().leftEarlyMinutes()).isZero();
        assertThat(a.flags().leftEarly()).isFalse();
    }

    @Test
    void aSessionEndedEarlyIsLeftAtItsActualEnd() {
        Instant endedEarly = START.plusSeconds(150 * 60);
        SessionAttendance a = calc(new Events("p").at(0, ADMITTED).at(150, SESSION_ENDED).list, endedEarly);

        assertThat(a.flags().leftEarlyMinutes()).isZero();
        assertThat(a.status()).isEqualTo(PRESENT);
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
