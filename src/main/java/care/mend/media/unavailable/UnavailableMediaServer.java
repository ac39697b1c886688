package care.mend.media.unavailable;

import care.mend.media.IceCandidate;
import care.mend.media.MediaEndpointRef;
import care.mend.media.MediaModality;
import care.mend.media.MediaRoom;
import care.mend.media.MediaRoomListener;
import care.mend.media.MediaServer;
import care.mend.media.MediaUnavailableException;
import care.mend.media.SdpAnswer;
import care.mend.media.SdpOffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link MediaServer} with no media behind it (see the package comment). A pipeline "opens" at once, so that
 * rooms, seats and attendance work; publishing, subscribing and candidates fail with
 * {@link MediaUnavailableException}; removals and release succeed, having nothing to release. Stateless and
 * thread-safe.
 */
public final class UnavailableMediaServer implements MediaServer {

    @Override
    public CompletionStage<MediaRoom> createRoom(String roomId, MediaRoomListener listener) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(listener, "listener");
        return CompletableFuture.completedFuture(new NoMediaRoom(roomId));
    }

    private record NoMediaRoom(String roomId) implements MediaRoom {

        private static <T> CompletionStage<T> refused() {
            return CompletableFuture.failedFuture(new MediaUnavailableException());
        }

        @Override
        public CompletionStage<SdpAnswer> publish(String participantId, SdpOffer offer, MediaModality modality) {
            return refused();
        }

        @Override
        public CompletionStage<SdpAnswer> subscribe(String subscriberId, String publisherId, SdpOffer offer) {
            return refused();
        }

        @Override
        public CompletionStage<SdpAnswer> subscribeGrid(String subscriberId, SdpOffer offer) {
            return refused();
        }

        @Override
        public CompletionStage<Void> unsubscribe(String subscriberId, String publisherId) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> addIceCandidate(MediaEndpointRef endpoint, IceCandidate candidate) {
            return refused();
        }

        @Override
        public CompletionStage<Void> removeParticipant(String participantId) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> release() {
            return CompletableFuture.completedFuture(null);
        }
    }
}
