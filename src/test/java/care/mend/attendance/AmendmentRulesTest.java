package care.mend.attendance;

import static care.mend.MendAssertions.assertRefused;
import static care.mend.attendance.AttendanceStatus.ABSENT;
import static care.mend.attendance.AttendanceStatus.EXCUSED;
import static care.mend.attendance.AttendanceStatus.NOT_HELD;
import static care.mend.attendance.AttendanceStatus.PARTIAL;
import static care.mend.attendance.AttendanceStatus.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.Problem;
import care.mend.platform.problem.ProblemCode;
import care.mend.room.PresenceKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every rule an amendment is checked by (AmendmentRules), each refused with its code and field, and nothing changed
 * by a refusal. The session: 30 scheduled minutes, credit from 23 (75 %); the record as signed: PARTIAL, 11 minutes of
 * audio and video, no credit.
 */
class AmendmentRulesTest {

    static final Instant SIGNED = Instant.parse("2026-11-02T01:00:00Z");
    static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    static final long CREDIT = AttendanceRules.DEFAULT.creditMinutes(30);

    static AttendanceRecord partial() {
        SessionAttendance a = AttendanceCalculator.calculate(START, START.plusSeconds(30 * 60), START.plusSeconds(30 * 60),
                new AttendanceCalculatorTest.Events("p").at(0, PresenceKind.ADMITTED).at(11, PresenceKind.LEFT).list,
                false, AttendanceRules.DEFAULT);
        return new AttendanceRecord(UUID.randomUUID(), UUID.randomUUID(), a, SIGNED);
    }

    static AttendanceCorrection change(AttendanceStatus status, int minutes, boolean credited, ModalityMinutes split) {
        return new AttendanceCorrection(status, minutes, credited, split, "Checked against the room log", null);
    }

    static ModalityMinutes video(int minutes) {
        return new ModalityMinutes(minutes, 0, 0);
    }

    /** The refusal of {@code correction}: its code and the fields it names; the record is left as it was. */
    static MendException refused(AttendanceCorrection correction, ProblemCode code, String... fields) {
        AttendanceRecord record = partial();
        MendException e = assertRefused(() -> record.amend(correction, CREDIT, "facilitator-sub", SIGNED), code);
        assertThat(e.fieldErrors()).extracting(Problem.FieldError::field).containsExactly(fields);
        assertThat(e.fieldErrors()).allSatisfy(error -> assertThat(error.message()).isNotBlank());
        assertThat(record.amendments()).isEmpty();
        assertThat(record.currentStatus()).isEqualTo(PARTIAL);
        assertThat(record.currentMinutes()).isEqualTo(11);
        assertThat(record.currentSplit()).isEqualTo(video(11));
        assertThat(record.explanation()).isEqualTo(record.originalExplanation());
        return e;
    }

    @Test
    void theRecordUnderTestIsWhatTheSignOffWrites() {
        AttendanceRecord record = partial();
        assertThat(CREDIT).isEqualTo(23);
        assertThat(record.scheduledMinutes()).isEqualTo(30);
        assertThat(record.currentStatus()).isEqualTo(PARTIAL);
        assertThat(record.currentSplit()).isEqualTo(video(11));
    }

    @Test
    void presentWithElevenOfThirtyMinutesAndNoCreditIsRefused() {
        MendException e = refused(change(PRESENT, 11, false, null), ProblemCode.AMENDMENT_INCONSISTENT,
                AmendmentRules.CREDITED);
        assertThat(e.getMessage()).contains("PRESENT");
    }

    @Test
    void theStatusMustAgreeWithTheMinutesAndTheCredit() {
        refused(change(ABSENT, 5, false, video(5)), ProblemCode.AMENDMENT_INCONSISTENT, AmendmentRules.MINUTES);
        refused(change(ABSENT, 0, true, null), ProblemCode.AMENDMENT_INCONSISTENT, AmendmentRules.CREDITED);
        refused(change(PRESENT, 0, true, null), ProblemCode.AMENDMENT_INCONSISTENT, AmendmentRules.MINUTES);
        refused(change(PRESENT, 0, false, null), ProblemCode.AMENDMENT_INCONSISTENT, AmendmentRules.MINUTES,
                AmendmentRules.CREDITED);
        refused(change(PARTIAL, 0, false, null), ProblemCode.AMENDMENT_INCONSISTENT, AmendmentRules.MINUTES);
        refused(change(PARTIAL, 25, true, video(25)), ProblemCode.AMENDMENT_INCONSISTENT, AmendmentRules.CREDITED);
        refused(change(EXCUSED, 25, true, video(25)), ProblemCode.AMENDMENT_INCONSISTENT, AmendmentRules.CREDITED);
    }

    @Test
    void creditBelowTheProgramsCreditMinutesNeedsAnOverrideReasonWhichTheAmendmentKeeps() {
        refused(change(PRESENT, 22, true, video(22)), ProblemCode.CREDIT_BELOW_THRESHOLD, AmendmentRules.OVERRIDE);
        refused(new AttendanceCorrection(PRESENT, 22, true, video(22), "Room log", " "),
                ProblemCode.CREDIT_BELOW_THRESHOLD, AmendmentRules.OVERRIDE);

        AttendanceRecord atThreshold = partial();
        atThreshold.amend(change(PRESENT, 23, true, video(23)), CREDIT, "facilitator-sub", SIGNED);
        assertThat(atThreshold.currentCredited()).isTrue();
        assertThat(atThreshold.amendments().get(0).creditOverrideReason()).isNull();

        AttendanceRecord overridden = partial();
        overridden.amend(new AttendanceCorrection(PRESENT, 11, true, null, "Room log", " Clinical director agreed "),
                CREDIT, "facilitator-sub", SIGNED);
        assertThat(overridden.currentStatus()).isEqualTo(PRESENT);
        assertThat(overridden.amendments().get(0).creditOverrideReason()).isEqualTo("Clinical director agreed");
    }

    @Test
    void anOverrideReasonIsOnlyForCreditBelowTheCreditMinutes() {
        refused(new AttendanceCorrection(PRESENT, 25, true, video(25), "Room log", "Not needed"),
                ProblemCode.VALIDATION_FAILED, AmendmentRules.OVERRIDE);
        refused(new AttendanceCorrection(PARTIAL, 11, false, null, "Room log", "Not crediting"),
                ProblemCode.VALIDATION_FAILED, AmendmentRules.OVERRIDE);
        refused(new AttendanceCorrection(PRESENT, 11, true, null, "Room log", "x".repeat(501)),
                ProblemCode.VALIDATION_FAILED, AmendmentRules.OVERRIDE);
    }

    @Test
    void minutesStayWithinTheScheduledMinutes() {
        refused(change(PARTIAL, -1, false, null), ProblemCode.VALIDATION_FAILED, AmendmentRules.MINUTES,
                AmendmentRules.SPLIT);
        MendException e = refused(change(PRESENT, 31, true, video(31)), ProblemCode.VALIDATION_FAILED,
                AmendmentRules.MINUTES);
        assertThat(e.fieldErrors().get(0).message()).contains("30 scheduled minutes");

        AttendanceRecord full = partial();
        full.amend(change(PRESENT, 30, true, video(30)), CREDIT, "facilitator-sub", SIGNED);
        assertThat(full.currentMinutes()).isEqualTo(30);
    }

    @Test
    void changedMinutesStateTheirSplitAndItAddsUp() {
        refused(change(PRESENT, 25, true, null), ProblemCode.VALIDATION_FAILED, AmendmentRules.SPLIT);
        refused(change(PRESENT, 25, true, new ModalityMinutes(20, 4, 0)), ProblemCode.VALIDATION_FAILED,
                AmendmentRules.SPLIT);
        refused(change(PARTIAL, 11, false, new ModalityMinutes(5, 5, 0)), ProblemCode.VALIDATION_FAILED,
                AmendmentRules.SPLIT);

        AttendanceRecord kept = partial();
        kept.amend(change(EXCUSED, 11, false, null), CREDIT, "facilitator-sub", SIGNED);
        assertThat(kept.currentSplit()).as("unchanged minutes: the split stays").isEqualTo(video(11));

        AttendanceRecord resplit = partial();
        resplit.amend(change(PARTIAL, 11, false, new ModalityMinutes(0, 11, 0)), CREDIT, "facilitator-sub", SIGNED);
        assertThat(resplit.currentSplit()).as("the split alone may be corrected").isEqualTo(new ModalityMinutes(0, 11, 0));
        assertThat(resplit.originalSplit()).isEqualTo(video(11));

        AttendanceRecord absent = partial();
        absent.amend(change(ABSENT, 0, false, null), CREDIT, "facilitator-sub", SIGNED);
        assertThat(absent.currentSplit()).as("0 minutes can only split one way").isEqualTo(video(0));
    }

    @Test
    void theSplitOfTheBodyNamesEachModalityOnce() {
        assertThat(AmendmentRules.splitOf(null)).isNull();
        assertThat(AmendmentRules.splitOf(Map.of("AUDIO_VIDEO", 10, "AUDIO_ONLY", 5, "NONE", 1)))
                .isEqualTo(new ModalityMinutes(10, 5, 1));
        for (Map<String, Integer> wrong : java.util.List.of(Map.of("AUDIO_VIDEO", 10, "AUDIO_ONLY", 5),
                Map.of("AUDIO_VIDEO", 10, "AUDIO_ONLY", 5, "NONE", 1, "VIDEO", 1),
                Map.of("AUDIO_VIDEO", -1, "AUDIO_ONLY", 5, "NONE", 1), withNull())) {
            MendException e = assertRefused(() -> AmendmentRules.splitOf(wrong), ProblemCode.VALIDATION_FAILED);
            assertThat(e.fieldErrors()).extracting(Problem.FieldError::field).containsExactly(AmendmentRules.SPLIT);
        }
    }

    private static Map<String, Integer> withNull() {
        Map<String, Integer> split = new LinkedHashMap<>();
        split.put("AUDIO_VIDEO", 10);
        split.put("AUDIO_ONLY", null);
        split.put("NONE", 0);
        return split;
    }

    @Test
    void aReasonIsRequiredAndAHeldSessionIsNeverNotHeld() {
        refused(new AttendanceCorrection(PRESENT, 25, true, video(25), " ", null), ProblemCode.VALIDATION_FAILED,
                AmendmentRules.REASON);
        refused(new AttendanceCorrection(PRESENT, 25, true, video(25), null, null), ProblemCode.VALIDATION_FAILED,
                AmendmentRules.REASON);
        refused(new AttendanceCorrection(PRESENT, 25, true, video(25), "x".repeat(501), null),
                ProblemCode.VALIDATION_FAILED, AmendmentRules.REASON);
        refused(change(NOT_HELD, 0, false, null), ProblemCode.VALIDATION_FAILED, AmendmentRules.STATUS);
    }

    @Test
    void everyFieldAtFaultIsNamedInOneRefusal() {
        refused(new AttendanceCorrection(NOT_HELD, 40, false, null, "", null), ProblemCode.VALIDATION_FAILED,
                AmendmentRules.REASON, AmendmentRules.STATUS, AmendmentRules.MINUTES, AmendmentRules.SPLIT);
    }

    @Test
    void aValidAmendmentOfEachStatusIsAccepted() {
        for (AttendanceCorrection ok : java.util.List.of(change(PRESENT, 25, true, video(25)),
                change(PARTIAL, 20, false, new ModalityMinutes(10, 5, 5)), change(ABSENT, 0, false, null),
                change(EXCUSED, 0, false, null), change(EXCUSED, 11, false, null),
                change(PARTIAL, 25, false, video(25)))) {
            AttendanceRecord record = partial();
            record.amend(ok, CREDIT, "facilitator-sub", SIGNED);
            assertThat(record.currentStatus()).as(ok.toString()).isEqualTo(ok.status());
            assertThat(record.currentSplit().total()).isEqualTo(ok.minutes());
            assertThat(record.explanation()).startsWith("Amended after sign-off: ");
        }
    }
}
