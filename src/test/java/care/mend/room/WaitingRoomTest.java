package care.mend.room;

import static care.mend.room.RoomFixture.done;
import static care.mend.room.RoomFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Patients wait until admitted; who waits is the facilitators' business only. */
class WaitingRoomTest {

    private final RoomFixture fx = new RoomFixture();

    @Test
    void aPatientWhoArrivesBeforeTheFacilitatorWaits() {
        RoomEntry p1 = fx.join("p1");
        assertThat(p1.role()).isEqualTo(RoomRole.PATIENT);
        assertThat(p1.snapshot().you().status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(p1.snapshot().facilitatorPresent()).isFalse();

        ParticipantId f1 = fx.join("f1").participantId();

        assertThat(fx.view(f1, p1.participantId()).status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(fx.recorder.presenceOf(p1.participantId())).isEmpty();
        refused(fx.room().raiseHand(p1.participantId()), RoomErrorCode.NOT_ALLOWED);
    }

    @Test
    void withAutoAdmitAPatientWaitsUntilAFacilitatorArrivesThenIsAdmitted() {
        fx.autoAdmit();
        RoomEntry p1 = fx.join("p1");
        RoomEntry p2 = fx.join("p2");
        assertThat(p1.snapshot().you().status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(fx.recorder.eventsFor(p1.participantId())).noneMatch(e -> e instanceof RoomEvent.Admitted);

        RoomEntry f1 = fx.join("f1");

        assertThat(f1.snapshot().waiting()).isEmpty();
        assertThat(f1.snapshot().participants()).extracting(ParticipantView::id)
                .containsExactly(p1.participantId(), p2.participantId(), f1.participantId());
        assertThat(fx.recorder.eventsFor(p1.participantId())).anyMatch(e -> e instanceof RoomEvent.Admitted);
        assertThat(fx.recorder.presenceOf(p1.participantId())).extracting(PresenceEvent::kind)
                .containsExactly(PresenceKind.ADMITTED);
        // and a patient arriving now is admitted at once
        assertThat(fx.join("p3").snapshot().you().status()).isEqualTo(ParticipantStatus.PRESENT);
    }

    @Test
    void autoAdmitNeedsAFacilitatorWithALiveConnection() {
        fx.autoAdmit();
        ParticipantId f1 = fx.join("f1").participantId();
        done(fx.registry.connectionLost(fx.sessionId, f1));
        RoomEntry p1 = fx.join("p1");
        assertThat(p1.snapshot().you().status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(p1.snapshot().facilitatorPresent()).isFalse();
    }

    @Test
    void facilitatorsSeeTheWaitingListLiveInQueueOrder() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.join("p1").participantId();
        ParticipantId p2 = fx.join("p2").participantId();

        assertThat(fx.recorder.lastSnapshot(f1).waiting()).extracting(ParticipantView::id).containsExactly(p1, p2);

        done(fx.room().admit(f1, p1));
        assertThat(fx.recorder.lastSnapshot(f1).waiting()).extracting(ParticipantView::id).containsExactly(p2);
        assertThat(fx.recorder.lastSnapshot(f1).participants()).extracting(ParticipantView::id).contains(p1);
    }

    @Test
    void patientsNeverSeeWhoIsWaiting() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.seatPatient(f1, "p1");
        RoomEntry p2 = fx.join("p2");

        assertThat(fx.recorder.lastSnapshot(p1).waiting()).isEmpty();
        assertThat(fx.recorder.lastSnapshot(p1).participants()).extracting(ParticipantView::id)
                .doesNotContain(p2.participantId());
        // a waiting patient sees only themselves
        assertThat(p2.snapshot().participants()).isEmpty();
        assertThat(p2.snapshot().waiting()).isEmpty();
        assertThat(p2.snapshot().facilitatorPresent()).isTrue();
    }

    @Test
    void aDeclinedPatientIsToldAndMayKnockAgain() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.join("p1").participantId();

        done(fx.room().decline(f1, p1));

        assertThat(fx.recorder.eventsFor(p1)).last().isEqualTo(new RoomEvent.Dismissed(LeaveReason.DECLINED));
        assertThat(done(fx.room().snapshot(f1)).waiting()).isEmpty();
        assertThat(fx.recorder.presenceOf(p1)).isEmpty();
        refused(fx.room().decline(f1, p1), RoomErrorCode.UNKNOWN_PARTICIPANT);
        assertThat(fx.join("p1").snapshot().you().status()).isEqualTo(ParticipantStatus.WAITING);
    }

    @Test
    void onlyAWaitingPatientCanBeDeclinedAndAdmittingTwiceIsHarmless() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId f2 = fx.join("f2").participantId();
        ParticipantId p1 = fx.join("p1").participantId();
        done(fx.room().admit(f1, p1));
        done(fx.room().admit(f2, p1));
        assertThat(fx.recorder.presenceOf(p1)).hasSize(1);
        refused(fx.room().decline(f2, p1), RoomErrorCode.NOT_ALLOWED);
    }

    @Test
    void onlyFacilitatorsAdmitOrDecline() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.seatPatient(f1, "p1");
        ParticipantId p2 = fx.join("p2").participantId();
        refused(fx.room().admit(p1, p2), RoomErrorCode.NOT_A_FACILITATOR);
        refused(fx.room().admit(p2, p2), RoomErrorCode.NOT_A_FACILITATOR);
        refused(fx.room().decline(p1, p2), RoomErrorCode.NOT_A_FACILITATOR);
        refused(fx.room().admit(f1, new ParticipantId("nobody")), RoomErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void strangersAndEarlyBirdsAreRefusedAndCreateNoRoom() {
        refused(fx.registry.join(fx.plan(), "stranger"), RoomErrorCode.NOT_A_MEMBER);
        fx.clock.set(RoomFixture.START.minus(Duration.ofMinutes(31)));
        refused(fx.registry.join(fx.plan(), "f1"), RoomErrorCode.TOO_EARLY);
        refused(fx.registry.join(fx.plan(), "p1"), RoomErrorCode.TOO_EARLY);
        assertThat(fx.registry.size()).isZero();

        fx.clock.set(RoomFixture.START.minus(Duration.ofMinutes(30)));
        fx.join("f1");
        refused(fx.registry.join(fx.plan(), "stranger"), RoomErrorCode.NOT_A_MEMBER);
        assertThat(fx.registry.size()).isOne();
    }

    @Test
    void aRoomIsNotCreatedAfterTheScheduledEnd() {
        fx.clock.set(RoomFixture.END);
        refused(fx.registry.join(fx.plan(), "f1"), RoomErrorCode.SESSION_ENDED);
        assertThat(fx.registry.size()).isZero();
    }

    @Test
    void aSecondJoinOfTheSameSubjectTakesTheQueuePlaceBack() {
        RoomEntry first = fx.join("p1");
        RoomEntry again = done(fx.registry.join(fx.plan(), "p1"));
        assertThat(again.participantId()).isEqualTo(first.participantId());
        assertThat(again.snapshot().you().status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(again.resumeToken()).isNotEqualTo(first.resumeToken());
        // the first page's token is dead: only the page that joined last speaks for the person
        refused(fx.registry.resume(fx.sessionId, "p1", first.resumeToken()), RoomErrorCode.RESUME_TOKEN_INVALID);
    }

    @Test
    void aReloadedPageTakesTheSeatBackAtOnceAndTheTimeAwayIsAGap() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.seatPatient(f1, "p1");
        done(fx.registry.connectionLost(fx.sessionId, p1)); // the tab closed
        fx.clock.advance(Duration.ofSeconds(100));

        RoomEntry again = done(fx.registry.join(fx.plan(), "p1"));

        assertThat(again.participantId()).isEqualTo(p1);
        assertThat(again.snapshot().you().status()).isEqualTo(ParticipantStatus.PRESENT);
        assertThat(fx.recorder.presenceOf(p1)).extracting(PresenceEvent::kind).containsExactly(
                PresenceKind.ADMITTED, PresenceKind.CONNECTION_LOST, PresenceKind.RESUMED);
        assertThat(fx.recorder.presenceOf(p1).get(2).at()).isEqualTo(fx.recorder.presenceOf(p1).get(1).at()
                .plusSeconds(100));
        assertThat(fx.view(f1, p1).reconnecting()).isFalse();
    }

    @Test
    void aSecondDeviceTakesTheSeatWithoutANewAdmissionOrAGap() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.seatPatient(f1, "p1");

        RoomEntry phone = done(fx.registry.join(fx.plan(), "p1"));

        assertThat(phone.participantId()).isEqualTo(p1);
        assertThat(phone.snapshot().you().status()).isEqualTo(ParticipantStatus.PRESENT);
        assertThat(fx.recorder.presenceOf(p1)).extracting(PresenceEvent::kind).containsExactly(PresenceKind.ADMITTED);
    }

    @Test
    void aBarredPersonCannotTakeASeatBackByJoiningAgain() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.seatPatient(f1, "p1");
        done(fx.room().remove(f1, p1, true));
        refused(fx.registry.join(fx.plan(), "p1"), RoomErrorCode.REMOVED_FROM_SESSION);
    }

    @Test
    void theRosterOfTheLatestJoinApplies() {
        fx.join("f1");
        RoomPlan withoutP1 = new RoomPlan(fx.sessionId, RoomFixture.START, RoomFixture.END, Set.of("f1"),
                Set.of("p2"), false);
        refused(fx.registry.join(withoutP1, "p1"), RoomErrorCode.NOT_A_MEMBER);
    }
}
