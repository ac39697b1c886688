package care.mend.room;

import static care.mend.room.RoomFixture.done;
import static care.mend.room.RoomFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A patient outside licensure waits flagged (facilitators only see the flag), is never admitted automatically, and
 * is admitted only "anyway", with a reason that the admission carries back for the record.
 */
class LicensureAdmissionTest {

    private final RoomFixture fx = new RoomFixture();

    @Test
    void aFlaggedPatientWaitsFlaggedForFacilitatorsOnly() {
        fx.outsideLicensure.add("p1");
        ParticipantId f1 = fx.join("f1").participantId();
        RoomEntry p1 = fx.join("p1");
        RoomEntry p2 = fx.join("p2");

        assertThat(fx.view(f1, p1.participantId()).outsideLicensure()).isTrue();
        assertThat(fx.view(f1, p2.participantId()).outsideLicensure()).isFalse();
        assertThat(p1.snapshot().you().outsideLicensure()).isFalse();
    }

    @Test
    void admittingAFlaggedPatientWithoutAReasonIsRefusedAndChangesNothing() {
        fx.outsideLicensure.add("p1");
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.join("p1").participantId();

        refused(fx.room().admit(f1, p1), RoomErrorCode.LICENSURE_OVERRIDE_REQUIRED);

        assertThat(fx.view(f1, p1).status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(fx.recorder.presenceOf(p1)).isEmpty();
    }

    @Test
    void admittingAFlaggedPatientAnywayCarriesTheReasonAndAuthorBack() {
        fx.outsideLicensure.add("p1");
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.join("p1").participantId();

        Admission admission = done(fx.room().admit(f1, p1, "Crisis: keeping them in session while we call 988"));

        assertThat(admission.overridden()).isTrue();
        assertThat(admission.patientSubject()).isEqualTo("p1");
        assertThat(admission.facilitatorSubject()).isEqualTo("f1");
        assertThat(admission.overrideReason()).isEqualTo("Crisis: keeping them in session while we call 988");
        assertThat(admission.at()).isEqualTo(fx.clock.instant());
        assertThat(fx.view(f1, p1).status()).isEqualTo(ParticipantStatus.PRESENT);
        assertThat(admission.toString()).doesNotContain("988");
    }

    @Test
    void aPatientWhoIsNotFlaggedNeedsNoReasonAndAGivenOneIsNotAnOverride() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.join("p1").participantId();
        ParticipantId p2 = fx.join("p2").participantId();

        done(fx.room().admit(f1, p1));
        Admission plain = done(fx.room().admit(f1, p2, "not needed"));

        assertThat(plain.overridden()).isFalse();
        assertThat(fx.view(f1, p2).status()).isEqualTo(ParticipantStatus.PRESENT);
    }

    @Test
    void autoAdmitPassesOverAFlaggedPatient() {
        fx.autoAdmit();
        fx.outsideLicensure.add("p1");
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.join("p1").participantId();
        ParticipantId p2 = fx.join("p2").participantId();

        assertThat(fx.view(f1, p1).status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(fx.view(f1, p2).status()).isEqualTo(ParticipantStatus.PRESENT);
    }

    @Test
    void aLaterPlanLiftsOrSetsTheFlag() {
        fx.outsideLicensure.add("p1");
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.join("p1").participantId();

        // The patient joins again from a licensed state: the fresh plan clears the flag.
        fx.outsideLicensure.clear();
        fx.join("p1");

        assertThat(fx.view(f1, p1).outsideLicensure()).isFalse();
        done(fx.room().admit(f1, p1));
        assertThat(fx.view(f1, p1).status()).isEqualTo(ParticipantStatus.PRESENT);
    }

    @Test
    void onlyAPatientCanBeFlagged() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RoomPlan.RosterEntry(RoomRole.FACILITATOR,
                ParticipantName.NONE, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fx.plan().withOutsideLicensure(java.util.Set.of("f1")).roster().get("f1").outsideLicensure())
                .isFalse();
    }
}
