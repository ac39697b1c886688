package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

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

    static final long CREDIT_MINUTES = AttendanceRules.DEFAULT.creditMinutes(180);

    static AttendanceCorrection correction(AttendanceStatus status, int minutes, boolean credited,
                                           ModalityMinutes split, String reason) {
        return new AttendanceCorrection(status, minutes, credited, split, reason, null);
    }

    @Test
    void anAmendmentChangesTheCurrentFiguresAndKeepsTheOriginalAndTheHistory() {
        AttendanceRecord record = partial();

        record.amend(correction(AttendanceStatus.EXCUSED, 100, false, null, "Medical appointment, documented"),
                CREDIT_MINUTES, "facilitator-sub", SIGNED.plusSeconds(60));
        assertThat(record.currentSplit()).as("unchanged minutes keep their split").isEqualTo(record.originalSplit());
        record.amend(correction(AttendanceStatus.PRESENT, 150, true, new ModalityMinutes(100, 45, 5),
                "Connection log shows the room audio"), CREDIT_MINUTES, "supervisor-sub", SIGNED.plusSeconds(120));

        assertThat(record.originalStatus()).isEqualTo(AttendanceStatus.PARTIAL);
        assertThat(record.originalMinutes()).isEqualTo(100);
        assertThat(record.originalSplit()).isEqualTo(new ModalityMinutes(100, 0, 0));
        assertThat(record.originalExplanation()).startsWith("Present 100 of 180");
        assertThat(record.currentStatus()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(record.currentMinutes()).isEqualTo(150);
        assertThat(record.currentCredited()).isTrue();
        assertThat(record.currentSplit()).isEqualTo(new ModalityMinutes(100, 45, 5));
        assertThat(record.minutesAudioOnly()).isEqualTo(45);
        List<AttendanceAmendment> history = record.amendments();
        assertThat(history).extracting(AttendanceAmendment::beforeStatus)
                .containsExactly(AttendanceStatus.PARTIAL, AttendanceStatus.EXCUSED);
        assertThat(history).extracting(AttendanceAmendment::authorSubject)
                .containsExactly("facilitator-sub", "supervisor-sub");
        assertThat(history.get(1).beforeMinutes()).isEqualTo(100);
        assertThat(history.get(1).afterMinutes()).isEqualTo(150);
        assertThat(history.get(1).beforeSplit()).isEqualTo(new ModalityMinutes(100, 0, 0));
        assertThat(history.get(1).afterSplit()).isEqualTo(new ModalityMinutes(100, 45, 5));
        assertThat(history.get(1).creditOverrideReason()).isNull();
    }

    @Test
    void theExplanationIsRewrittenFromTheAmendedFiguresWithTheReasonAndWithoutTheAuthor() {
        AttendanceRecord record = partial();

        record.amend(correction(AttendanceStatus.PRESENT, 150, true, new ModalityMinutes(100, 45, 5),
                "Joined by phone first"), CREDIT_MINUTES, "supervisor-sub", SIGNED.plusSeconds(60));

        assertThat(record.explanation()).isEqualTo("Amended after sign-off: present, 150 of 180 scheduled minutes"
                + " present (credit from 135), credited; 100 min audio and video, 45 min audio only, 5 min without"
                + " media. Reason: Joined by phone first").doesNotContain("supervisor-sub");

        record.amend(new AttendanceCorrection(AttendanceStatus.PRESENT, 60, true, new ModalityMinutes(0, 60, 0),
                "Left for the hospital; the hour counts", "Supervisor's decision"), CREDIT_MINUTES, "supervisor-sub",
                SIGNED.plusSeconds(120));
        assertThat(record.explanation()).contains("60 of 180", "Reason: Left for the hospital; the hour counts",
                "(credited below the credit minutes: Supervisor's decision)");
        assertThat(record.amendments().get(1).creditOverrideReason()).isEqualTo("Supervisor's decision");

        record.amend(correction(AttendanceStatus.ABSENT, 0, false, null, "Another patient's line"), CREDIT_MINUTES,
                "supervisor-sub", SIGNED.plusSeconds(180));
        assertThat(record.explanation()).isEqualTo("Amended after sign-off: absent, not in the room during the"
                + " session. Reason: Another patient's line");
        assertThat(record.currentSplit()).as("0 minutes split as 0, 0, 0").isEqualTo(new ModalityMinutes(0, 0, 0));
    }
}
