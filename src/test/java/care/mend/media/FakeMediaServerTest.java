package care.mend.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The fake behaves like the media port's contract says, so the room's tests can trust its counts. */
class FakeMediaServerTest {

    private static final MediaRoomListener QUIET = new RecordingMediaListener();

    @Test
    void removingAParticipantReleasesSubscribersFirstThenItsPublisher() {
        FakeMediaServer server = new FakeMediaServer();
        MediaRoom room = server.createRoom("r", QUIET).toCompletableFuture().join();
        room.publish("a", new SdpOffer("v=0"), MediaModality.AUDIO_VIDEO);
        room.publish("b", new SdpOffer("v=0"), MediaModality.AUDIO_VIDEO);
        room.subscribe("b", "a", new SdpOffer("v=0"));
        room.subscribe("a", "b", new SdpOffer("v=0"));
        assertThat(server.liveObjects()).isEqualTo(5);

        room.removeParticipant("a");

        assertThat(server.room("r").releases()).containsExactly("subscriber b<-a", "subscriber a<-b", "publisher a");
        assertThat(server.liveEndpoints()).isOne();
        room.release();
        assertThat(server.room("r").releases()).endsWith("publisher b", "pipeline");
        assertThat(server.liveObjects()).isZero();
        assertThat(server.problems()).isEmpty();
    }

    @Test
    void inManualModeEndpointsExistOnlyOnceTheWorkCompletes() {
        FakeMediaServer server = new FakeMediaServer().manual();
        CompletableFuture<MediaRoom> created = server.createRoom("r", QUIET).toCompletableFuture();
        assertThat(created).isNotDone();
        server.completeAll();
        MediaRoom room = created.join();
        CompletableFuture<SdpAnswer> answer = room.publish("a", new SdpOffer("v=0"), MediaModality.AUDIO_ONLY)
                .toCompletableFuture();
        assertThat(room.addIceCandidate(MediaEndpointRef.publisher("a"), new IceCandidate("c", "0", 0))
                .toCompletableFuture()).isCompletedExceptionally();
        assertThat(server.room("r").refusedCandidates()).isOne();

        server.completeAll();

        assertThat(answer).isCompleted();
        assertThat(server.liveEndpoints()).isOne();
        room.release();
        CompletableFuture<SdpAnswer> late = room.publish("b", new SdpOffer("v=0"), MediaModality.AUDIO_VIDEO)
                .toCompletableFuture();
        server.completeAll();
        assertThat(late).isCompletedExceptionally();
        assertThat(server.liveObjects()).isZero();
    }
}
