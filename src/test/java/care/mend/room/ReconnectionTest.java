package care.mend.room;

import static care.mend.room.RoomFixture.done;
import static care.mend.room.RoomFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import care.mend.media.FakeMediaServer;
import care.mend.media.SdpOffer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dropped connection keeps its seat for the grace period; a single-use token bound to the subject brings it back. */
class ReconnectionTest {

    private final RoomFixture fx = new RoomFixture();
    private ParticipantId f1;
    private ParticipantId p1;
    private ParticipantId p2;

    @BeforeEach
    void seated() {
        f1 = fx.join("f1").participantId();
        p1 = fx.seatPatient(f1, "p1");
        p2 = fx.seatPatient(f1, "p2");
    }

    @Test
    void aSilentStallIsAGapFromTheLastSignOfLifeNotFromWhenItWasNoticed() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.seatPatient(f1, "p1");
        fx.clock.advance(java.time.Duration.ofMinutes(5));
        java.time.Instant lastPong = fx.clock.instant();
        fx.clock.advance(java.time.Duration.ofSeconds(10)); // the heartbeat gives up now

        done(fx.registry.connectionLost(fx.sessionId, p1, lastPong));

        PresenceEvent lost = fx.recorder.presenceOf(p1).get(fx.recorder.presenceOf(p1).size() - 1);
        assertThat(lost.kind()).isEqualTo(PresenceKind.CONNECTION_LOST);
        assertThat(lost.at()).isEqualTo(lastPong);
    }

    @Test
    void aStallIsNeverDatedBeforeTheParticipantsLastEvent() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.seatPatient(f1, "p1");
        java.time.Instant admitted = fx.recorder.presenceOf(p1).get(0).at();

        done(fx.registry.connectionLost(fx.sessionId, p1, admitted.minusSeconds(30)));

        assertThat(fx.recorder.presenceOf(p1).get(1).at()).isEqualTo(admitted);
    }

    @Test
    void othersSeeReconnectingThenBackAndTheParticipantGetsItselfBack() {
        done(fx.room().raiseHand(p1));
        done(fx.room().mute(p1, p1));
        ResumeToken first = fx.tokens.get(p1);
        done(fx.registry.connectionLost(fx.sessionId, p1));
        assertThat(fx.recorder.lastSnapshot(p2).participants()).filteredOn(v -> v.id().equals(p1)).singleElement()
                .extracting(ParticipantView::reconnecting).isEqualTo(true);

        fx.scheduler.advance(Duration.ofSeconds(119));
        RoomEntry back = fx.resume("p1", p1);

        assertThat(back.participantId()).isEqualTo(p1);
        assertThat(back.resumeToken()).isNotEqualTo(first);
        assertThat(back.snapshot().you()).satisfies(v -> {
            assertThat(v.status()).isEqualTo(ParticipantStatus.PRESENT);
            assertThat(v.reconnecting()).isFalse();
            assertThat(v.handRaised()).isTrue();
            assertThat(v.muted()).isTrue();
        });
        assertThat(fx.view(p2, p1).reconnecting()).isFalse();
        assertThat(fx.recorder.presenceOf(p1)).extracting(PresenceEvent::kind).containsExactly(
                PresenceKind.ADMITTED, PresenceKind.CONNECTION_LOST, PresenceKind.RESUMED);

        fx.scheduler.advance(Duration.ofMinutes(10));
        assertThat(fx.view(f1, p1)).isNotNull();
    }

    @Test
    void afterTheGracePeriodTheParticipantHasLeftAndTheTokenIsDead() {
        ResumeToken token = fx.tokens.get(p1);
        done(fx.registry.connectionLost(fx.sessionId, p1));
        fx.scheduler.advance(Duration.ofSeconds(120));

        assertThat(fx.view(f1, p1)).isNull();
        assertThat(fx.recorder.presenceOf(p1)).extracting(PresenceEvent::kind).containsExactly(
                PresenceKind.ADMITTED, PresenceKind.CONNECTION_LOST, PresenceKind.LEFT);
        assertThat(fx.recorder.lastSnapshot(p2).participants()).extracting(ParticipantView::id).doesNotContain(p1);
        refused(fx.registry.resume(fx.sessionId, "p1", token), RoomErrorCode.RESUME_TOKEN_INVALID);
        // the seat is free again
        assertThat(fx.join("p1").participantId()).isNotEqualTo(p1);
    }

    @Test
    void theGracePeriodIsConfigurable() {
        RoomFixture short30 = new RoomFixture(new FakeMediaServer(), Runnable::run,
                RoomConfig.DEFAULTS.withGracePeriod(Duration.ofSeconds(30)));
        ParticipantId f = short30.join("f1").participantId();
        done(short30.registry.connectionLost(short30.sessionId, f));
        short30.scheduler.advance(Duration.ofSeconds(30));
        assertThat(short30.registry.find(short30.sessionId)).isPresent();
        assertThat(short30.recorder.presenceOf(f)).extracting(PresenceEvent::kind).last().isEqualTo(PresenceKind.LEFT);
    }

    @Test
    void aTokenIsSingleUse() {
        ResumeToken token = fx.tokens.get(p1);
        done(fx.registry.connectionLost(fx.sessionId, p1));
        fx.resume("p1", p1);
        done(fx.registry.connectionLost(fx.sessionId, p1));
        refused(fx.registry.resume(fx.sessionId, "p1", token), RoomErrorCode.RESUME_TOKEN_INVALID);
        assertThat(fx.resume("p1", p1).participantId()).isEqualTo(p1);
    }

    @Test
    void aTokenIsBoundToItsSubjectAndAStolenOneIsNotBurnt() {
        done(fx.registry.connectionLost(fx.sessionId, p1));
        refused(fx.registry.resume(fx.sessionId, "p2", fx.tokens.get(p1)), RoomErrorCode.RESUME_TOKEN_INVALID);
        refused(fx.registry.resume(fx.sessionId, "f1", fx.tokens.get(p1)), RoomErrorCode.RESUME_TOKEN_INVALID);
        refused(fx.registry.resume(fx.sessionId, "p1", new ResumeToken("made-up")), RoomErrorCode.RESUME_TOKEN_INVALID);
        refused(fx.registry.resume(fx.sessionId, "p1", null), RoomErrorCode.RESUME_TOKEN_INVALID);
        assertThat(fx.resume("p1", p1).participantId()).isEqualTo(p1);
    }

    @Test
    void aTimerFromAnEarlierDropCannotEvictAfterAResume() {
        done(fx.registry.connectionLost(fx.sessionId, p1));
        fx.scheduler.advance(Duration.ofSeconds(100));
        fx.resume("p1", p1);
        fx.scheduler.advance(Duration.ofSeconds(10));
        done(fx.registry.connectionLost(fx.sessionId, p1));
        fx.scheduler.advance(Duration.ofSeconds(100));
        assertThat(fx.view(f1, p1)).isNotNull();
        fx.scheduler.advance(Duration.ofSeconds(20));
        assertThat(fx.view(f1, p1)).isNull();
    }

    @Test
    void aWaitingPatientResumesInTheSameQueuePlace() {
        ParticipantId p3 = fx.join("p3").participantId();
        ParticipantId p4 = fx.join("p4").participantId();
        ParticipantId p5 = fx.join("p5").participantId();
        done(fx.registry.connectionLost(fx.sessionId, p4));
        assertThat(done(fx.room().snapshot(f1)).waiting()).extracting(ParticipantView::id, ParticipantView::reconnecting)
                .containsExactly(tuple(p3, false),
                        tuple(p4, true), tuple(p5, false));

        RoomEntry back = fx.resume("p4", p4);

        assertThat(back.snapshot().you().status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(done(fx.room().snapshot(f1)).waiting()).extracting(ParticipantView::id).containsExactly(p3, p4, p5);
        assertThat(fx.recorder.presenceOf(p4)).isEmpty();
    }

    @Test
    void aWaitingPatientAdmittedWhileReconnectingHoldsTheSeatAndTheLedgerShowsTheGap() {
        ParticipantId p3 = fx.join("p3").participantId();
        done(fx.registry.connectionLost(fx.sessionId, p3));
        done(fx.room().admit(f1, p3));
        assertThat(fx.view(f1, p3)).satisfies(v -> {
            assertThat(v.status()).isEqualTo(ParticipantStatus.PRESENT);
            assertThat(v.reconnecting()).isTrue();
        });

        fx.resume("p3", p3);

        assertThat(fx.recorder.presenceOf(p3)).extracting(PresenceEvent::kind).containsExactly(
                PresenceKind.ADMITTED, PresenceKind.CONNECTION_LOST, PresenceKind.RESUMED);
    }

    @Test
    void aResumeBeforeTheDropWasNoticedReplacesTheConnection() {
        RoomEntry back = fx.resume("p1", p1);
        assertThat(back.participantId()).isEqualTo(p1);
        assertThat(fx.recorder.presenceOf(p1)).extracting(PresenceEvent::kind).containsExactly(PresenceKind.ADMITTED);
    }

    @Test
    void mediaIsKeptThroughTheGracePeriodAndReleasedAfterIt() {
        done(fx.room().publish(p1, new SdpOffer("v=0")));
        done(fx.room().publish(p2, new SdpOffer("v=0")));
        done(fx.room().subscribe(p2, p1, new SdpOffer("v=0")));
        done(fx.registry.connectionLost(fx.sessionId, p1));
        fx.scheduler.advance(Duration.ofSeconds(60));
        assertThat(fx.media.liveEndpoints()).isEqualTo(3);

        fx.scheduler.advance(Duration.ofSeconds(60));

        assertThat(fx.media.liveEndpoints()).isEqualTo(1);
        assertThat(fx.view(f1, p2).publishing()).isTrue();
    }

    @Test
    void aSessionThatEndedRefusesResumes() {
        done(fx.registry.connectionLost(fx.sessionId, p1));
        done(fx.room().end(f1));
        refused(fx.registry.resume(fx.sessionId, "p1", fx.tokens.get(p1)), RoomErrorCode.SESSION_ENDED);
    }

    @Test
    void aResumeWithoutARoomIsRefused() {
        refused(fx.registry.resume(UUID.randomUUID(), "p1", fx.tokens.get(p1)),
                RoomErrorCode.RESUME_TOKEN_INVALID);
    }
}
