package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.platform.problem.MendException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttendanceRecordTest {

    private static final Instant SIGNED = Instant.parse("2026-11-03T03:10:00Z");

    private static AttendanceRecord partial() {
        SessionAttendance calculated = AttendanceCalculatorTest.calc(
                new AttendanceCalculatorTest.Events("p").at(0, care.mend.room.PresenceKind.ADMITTED)
                        .at(100, care.mend.room.PresenceKind.LEFT).list, AttendanceCalculatorTest.END);
        return new AttendanceRecord(UUID.randomUUID(), UUID.randomUUID(), calculated, SIGNED);
    }

    @Test
    void aRecordStartsAsCalculated() {
        AttendanceRecord record = partial();

        assertThat(record.originalStatus()).isEqualTo(AttendanceStatus.PARTIAL);
        assertThat(record.currentStatus()).isEqualTo(AttendanceStatus.PARTIAL);
        assertThat(record.originalMinutes()).isEqualTo(100);
        assertThat(record.minutesAudioVideo()).isEqualTo(100);
        assertThat(record.amendments()).isEmpty();
    }

    @Test
    void anAmendmentChangesTheCurrentFiguresAndKeepsTheOriginalAndTheHistory() {
        AttendanceRecord record = partial();

        record.amend(AttendanceStatus.EXCUSED, 100, false, "facilitator-sub", "Medical appointment, documented",
                SIGNED.plusSeconds(60));
        record.amend(AttendanceStatus.PRESENT, 150, true, "supervisor-sub", "Connection log shows the room audio",
                SIGNED.plusSeconds(120));

        assertThat(record.originalStatus()).isEqualTo(AttendanceStatus.PARTIAL);
        assertThat(record.originalMinutes()).isEqualTo(100);
        assertThat(record.currentStatus()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(record.currentMinutes()).isEqualTo(150);
        assertThat(record.currentCredited()).isTrue();
        List<AttendanceAmendment> history = record.amendments();
        assertThat(history).extracting(AttendanceAmendment::beforeStatus)
                .containsExactly(AttendanceStatus.PARTIAL, AttendanceStatus.EXCUSED);
        assertThat(history).extracting(AttendanceAmendment::authorSubject)
                .containsExactly("facilitator-sub", "supervisor-sub");
        assertThat(history.get(1).beforeMinutes()).isEqualTo(100);
        assertThat(history.get(1).afterMinutes()).isEqualTo(150);
    }

    @Test
    void anAmendmentNeedsAReasonAndSenseAndChangesNothingOtherwise() {
        AttendanceRecord record = partial();

        assertThatThrownBy(() -> record.amend(AttendanceStatus.PRESENT, 150, true, "s", " ", SIGNED))
                .isInstanceOf(MendException.class);
        assertThatThrownBy(() -> record.amend(AttendanceStatus.ABSENT, 0, true, "s", "why", SIGNED))
                .isInstanceOf(MendException.class);
        assertThatThrownBy(() -> record.amend(AttendanceStatus.PRESENT, -1, true, "s", "why", SIGNED))
                .isInstanceOf(MendException.class);
        assertThatThrownBy(() -> record.amend(AttendanceStatus.NOT_HELD, 0, false, "s", "it was not held", SIGNED))
                .as("a held session's record is never not held").isInstanceOf(MendException.class);

        assertThat(record.currentStatus()).isEqualTo(AttendanceStatus.PARTIAL);
        assertThat(record.amendments()).isEmpty();
    }
}
