package care.mend.attendance;

import static care.mend.attendance.AttendanceCalculatorTest.END;
import static care.mend.attendance.AttendanceCalculatorTest.START;
import static care.mend.room.PresenceKind.ADMITTED;
import static care.mend.room.PresenceKind.CONNECTION_LOST;
import static care.mend.room.PresenceKind.LEFT;
import static care.mend.room.PresenceKind.MODALITY_CHANGED;
import static care.mend.room.PresenceKind.RESUMED;
import static care.mend.room.PresenceKind.SESSION_ENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.attendance.AttendanceCalculatorTest.Events;
import care.mend.media.MediaModality;
import care.mend.room.ParticipantId;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import care.mend.room.RoomRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each flag at its boundaries: over the threshold is flagged, exactly at it is not. */
class AttendanceFlagsTest {

    /** A program with 10 minutes for late and 20 for leaving early, so that the two cannot be confused. */
    static final AttendanceRules RULES = new AttendanceRules(Duration.ofMinutes(10), Duration.ofMinutes(20), 75);

    static AttendanceFlags flags(List<PresenceEvent> events) {
        return AttendanceCalculator.calculate(START, END, END, events, false, RULES).flags();
    }

    /** Admitted {@code seconds} after the start, there to the end. */
    static AttendanceFlags admittedAfter(long seconds) {
        return flags(List.of(event(seconds, ADMITTED, 1), event(180 * 60, SESSION_ENDED, 2)));
    }

    /** Admitted at the start, left {@code seconds} before the end. */
    static AttendanceFlags leftBefore(long seconds) {
        return flags(List.of(event(0, ADMITTED, 1), event(180 * 60 - seconds, LEFT, 2)));
    }

    static PresenceEvent event(long secondsAfterStart, PresenceKind kind, long sequence) {
        return new PresenceEvent(AttendanceCalculatorTest.SESSION, new ParticipantId("p"), "subject", RoomRole.PATIENT,
                kind, MediaModality.AUDIO_VIDEO, START.plusSeconds(secondsAfterStart), "p:" + kind + ":" + sequence);
    }

    @Test
    void exactlyAtTheLateThresholdIsNotLate() {
        assertThat(admittedAfter(10 * 60).late()).isFalse();
        assertThat(admittedAfter(10 * 60).lateMinutes()).isEqualTo(10);
        // Whole minutes, as shown: 10 min 59 s is "10 min", and 10 is not over 10.
        assertThat(admittedAfter(10 * 60 + 59).late()).isFalse();
        assertThat(admittedAfter(11 * 60).late()).isTrue();
        assertThat(admittedAfter(11 * 60).lateMinutes()).isEqualTo(11);
    }

    @Test
    void onTimeOrBeforeTheStartIsZeroMinutesLate() {
        assertThat(admittedAfter(0).lateMinutes()).isZero();
        assertThat(admittedAfter(-25 * 60).lateMinutes()).as("in the room before the start").isZero();
        assertThat(admittedAfter(-25 * 60).late()).isFalse();
    }

    @Test
    void exactlyAtTheEarlyLeaveThresholdIsNotLeavingEarly() {
        assertThat(leftBefore(20 * 60).leftEarly()).isFalse();
        assertThat(leftBefore(20 * 60).leftEarlyMinutes()).isEqualTo(20);
        assertThat(leftBefore(20 * 60 + 59).leftEarly()).isFalse();
        assertThat(leftBefore(21 * 60).leftEarly()).isTrue();
        assertThat(leftBefore(21 * 60).leftEarlyMinutes()).isEqualTo(21);
        assertThat(leftBefore(0).leftEarlyMinutes()).as("left as it ended").isZero();
    }

    @Test
    void aZeroThresholdFlagsAnyWholeMinute() {
        AttendanceRules strict = new AttendanceRules(Duration.ZERO, Duration.ZERO, 75);
        List<PresenceEvent> events = List.of(event(59, ADMITTED, 1), event(180 * 60 - 60, LEFT, 2));
        AttendanceFlags f = AttendanceCalculator.calculate(START, END, END, events, false, strict).flags();

        assertThat(f.late()).as("59 seconds is 0 minutes").isFalse();
        assertThat(f.leftEarly()).as("one minute before the end").isTrue();
    }

    @Test
    void aPatientNeverAdmittedHasNoLateOrLeftEarlyFigureAndNoShare() {
        AttendanceFlags f = flags(List.of());

        assertThat(f).isEqualTo(new AttendanceFlags(null, false, null, false, 0, 0, null));
    }

    @Test
    void aDropNeverResumedIsALeavingNotAGap() {
        AttendanceFlags f = flags(List.of(event(0, ADMITTED, 1), event(120 * 60, CONNECTION_LOST, 2),
                event(122 * 60, LEFT, 3)));

        assertThat(f.gapCount()).isZero();
        assertThat(f.leftEarlyMinutes()).as("from the drop").isEqualTo(60);
        assertThat(f.leftEarly()).isTrue();
    }

    @Test
    void gapsAreCountedWithTheirMinutesAndOnlyInsideTheSession() {
        List<PresenceEvent> events = new ArrayList<>(new Events("p").at(-20, ADMITTED).at(-15, CONNECTION_LOST)
                .at(-12, RESUMED).at(30, CONNECTION_LOST).at(31, RESUMED).at(90, CONNECTION_LOST).at(92, RESUMED)
                .at(180, SESSION_ENDED).list);
        AttendanceFlags f = flags(events);

        assertThat(f.gapCount()).as("the gap before the start is not in the session").isEqualTo(2);
        assertThat(f.gapMinutes()).isEqualTo(3);
        assertThat(f.late()).isFalse();
    }

    @Test
    void theAudioOnlyShareIsOfTheMinutesPresentRoundedDown() {
        AttendanceFlags f = flags(new Events("p").at(0, ADMITTED).at(120, MODALITY_CHANGED, MediaModality.AUDIO_ONLY)
                .at(180, SESSION_ENDED).list);

        assertThat(f.audioOnlyPercent()).isEqualTo(33); // 60 of 180
        assertThat(AttendanceFlags.audioOnlyPercent(179, 180)).as("never 100 unless every minute").isEqualTo(99);
        assertThat(AttendanceFlags.audioOnlyPercent(180, 180)).isEqualTo(100);
        assertThat(AttendanceFlags.audioOnlyPercent(0, 0)).isNull();
    }

    @Test
    void aFlagWithoutItsFigureIsRefused() {
        assertThatThrownBy(() -> new AttendanceFlags(null, true, null, false, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttendanceFlags(0, false, -1, false, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flagsDoNotChangeTheStatus() {
        // The same minutes, credited, with and without lateness: both PRESENT.
        SessionAttendance onTime = AttendanceCalculator.calculate(START, END, END, new Events("p").at(0, ADMITTED)
                .at(150, LEFT).list, false, RULES);
        SessionAttendance late = AttendanceCalculator.calculate(START, END, END, new Events("p").at(30, ADMITTED)
                .at(180, SESSION_ENDED).list, false, RULES);

        assertThat(onTime.minutesPresent()).isEqualTo(late.minutesPresent());
        assertThat(onTime.status()).isEqualTo(late.status()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(onTime.flags().leftEarly()).isTrue();
        assertThat(late.flags().late()).isTrue();
    }
}
