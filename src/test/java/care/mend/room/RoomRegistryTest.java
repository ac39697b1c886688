package care.mend.room;

import static care.mend.room.RoomFixture.done;
import static care.mend.room.RoomFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.SdpOffer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Creation and removal of rooms, including the Kurento group-call tutorial's bugs: leaving re-created the room, a
 * close before join threw, names collided across rooms.
 */
class RoomRegistryTest {

    private final RoomFixture fx = new RoomFixture();

    @Test
    void leavingARoomThatDoesNotExistCreatesNothing() {
        done(fx.registry.leave(fx.sessionId, new ParticipantId("someone")));
        assertThat(fx.registry.size()).isZero();
        assertThat(fx.media.roomsCreated()).isZero();
    }

    @Test
    void aConnectionClosedBeforeJoiningIsANoOp() {
        done(fx.registry.connectionLost(fx.sessionId, new ParticipantId("someone")));
        assertThat(fx.registry.size()).isZero();

        ParticipantId f1 = fx.join("f1").participantId();
        done(fx.registry.connectionLost(fx.sessionId, new ParticipantId("someone-else")));
        assertThat(fx.view(f1, f1).reconnecting()).isFalse();
        assertThat(fx.scheduler.pending()).isZero();
    }

    @Test
    void commandsOnASessionWithoutARoomAreRefusedWithoutCreatingOne() {
        refused(fx.registry.inRoom(fx.sessionId, r -> r.raiseHand(new ParticipantId("x"))),
                RoomErrorCode.ROOM_NOT_OPEN);
        assertThat(fx.registry.size()).isZero();
    }

    @Test
    void leavingTheLastParticipantKeepsTheRoomButReleasesItsMedia() {
        ParticipantId f1 = fx.join("f1").participantId();
        done(fx.registry.leave(fx.sessionId, f1));
        done(fx.registry.leave(fx.sessionId, f1));
        assertThat(fx.registry.size()).isOne();
        assertThat(fx.media.roomsCreated()).isOne();
        assertThat(fx.media.liveRooms()).isZero();

        // the facilitator comes back: the same room, a new media room
        fx.join("f1");
        assertThat(fx.media.roomsCreated()).isEqualTo(2);
        assertThat(fx.media.liveRooms()).isOne();
    }

    @Test
    void anEmptyRoomEndsItselfAfterTheScheduledEnd() {
        ParticipantId f1 = fx.join("f1").participantId();
        done(fx.registry.leave(fx.sessionId, f1));
        fx.scheduler.advance(Duration.between(fx.clock.instant(), RoomFixture.END));
        assertThat(fx.registry.size()).isOne();

        fx.scheduler.advance(Duration.ofMinutes(5));

        assertThat(fx.registry.size()).isZero();
        assertThat(fx.media.liveObjects()).isZero();
        assertThat(fx.recorder.lifecycle()).containsExactly("live " + fx.sessionId, "ended " + fx.sessionId);
    }

    @Test
    void aRoomThatIsNotEmptyAtItsScheduledEndRunsOver() {
        fx.join("f1");
        fx.scheduler.advance(Duration.ofHours(4));
        assertThat(fx.registry.size()).isOne();
        assertThat(fx.join("p1").snapshot().you().status()).isEqualTo(ParticipantStatus.WAITING);
    }

    @Test
    void anEmptyRoomWithoutAFacilitatorEverEndsWithoutGoingLive() {
        ParticipantId p1 = fx.join("p1").participantId();
        done(fx.registry.leave(fx.sessionId, p1));
        fx.scheduler.advance(Duration.ofHours(4));
        assertThat(fx.registry.size()).isZero();
        assertThat(fx.recorder.lifecycle()).isEmpty();
        assertThat(fx.media.roomsCreated()).isZero();
    }

    @Test
    void theSameSubjectInTwoRoomsIsTwoParticipants() {
        UUID other = UUID.randomUUID();
        RoomEntry here = fx.join("f1");
        RoomEntry there = done(fx.registry.join(fx.plan(other), "f1"));

        assertThat(here.participantId()).isNotEqualTo(there.participantId());
        assertThat(fx.registry.size()).isEqualTo(2);

        done(fx.registry.leave(other, here.participantId()));
        done(fx.registry.leave(fx.sessionId, there.participantId()));
        assertThat(fx.view(here.participantId(), here.participantId())).isNotNull();
        assertThat(done(fx.registry.find(other).orElseThrow().snapshot(there.participantId())).you().id())
                .isEqualTo(there.participantId());
        assertThat(fx.media.roomsCreated()).isEqualTo(2);
    }

    @Test
    void anEndedSessionCannotBeReopened() {
        ParticipantId f1 = fx.join("f1").participantId();
        done(fx.room().publish(f1, new SdpOffer("v=0")));
        done(fx.room().end(f1));
        refused(fx.registry.join(fx.plan(), "f1"), RoomErrorCode.SESSION_ENDED);
        refused(fx.registry.join(fx.plan(), "p1"), RoomErrorCode.SESSION_ENDED);
        assertThat(fx.registry.size()).isZero();
        assertThat(fx.media.roomsCreated()).isOne();
        assertThat(fx.media.liveObjects()).isZero();
    }

    @Test
    void theFirstFacilitatorTakesTheSessionLiveOnce() {
        ParticipantId f1 = fx.join("f1").participantId();
        done(fx.registry.leave(fx.sessionId, f1));
        fx.join("f1");
        fx.join("f2");
        assertThat(fx.recorder.lifecycle()).containsExactly("live " + fx.sessionId);
    }
}
