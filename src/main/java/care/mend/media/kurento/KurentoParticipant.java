package care.mend.media.kurento;

import care.mend.media.MediaEndpointRef;
import care.mend.media.MediaModality;
import care.mend.media.SdpOffer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.kurento.client.HubPort;
import org.kurento.client.MediaType;
import org.kurento.client.WebRtcEndpoint;

/**
 * One participant's Kurento objects in a room: the publisher endpoint it sends through (with a HubPort into the
 * Composite while someone watches the grid), the subscriber endpoint of each stream it receives, and its grid endpoint
 * in low-bandwidth mode. A plain holder: its room keeps it under the room's lock and makes every KMS call.
 */
final class KurentoParticipant {

    /** A publisher endpoint, its HubPort while the grid is watched, and what KMS says flows out of it. */
    static final class Publisher {
        final WebRtcEndpoint endpoint;
        final boolean audioOnly;
        /** Feeds the Composite; null while nobody watches the grid. */
        CompletableFuture<HubPort> port;
        final Set<MediaType> flowing = EnumSet.noneOf(MediaType.class);
        MediaModality reported;

        Publisher(WebRtcEndpoint endpoint, boolean audioOnly) {
            this.endpoint = endpoint;
            this.audioOnly = audioOnly;
        }

        /** Video without audio still counts as AUDIO_VIDEO: the ledger records being seen; a muted mic is no absence. */
        MediaModality modality() {
            return flowing.contains(MediaType.VIDEO) ? MediaModality.AUDIO_VIDEO
                    : flowing.contains(MediaType.AUDIO) ? MediaModality.AUDIO_ONLY : MediaModality.NONE;
        }
    }

    /**
     * The endpoint through which the participant receives one publisher.
     *
     * @param wantsVideo whether it was made to carry video: its offer has a video section and the participant was not
     *                   audio-only then. A publisher that publishes again feeds it video only if so.
     */
    record Subscription(WebRtcEndpoint endpoint, boolean wantsVideo) {
    }

    /** A low-bandwidth viewer's endpoint and the HubPort that feeds it the mix. */
    record Grid(WebRtcEndpoint endpoint, CompletableFuture<HubPort> port, boolean wantsVideo) {
    }

    final String id;
    Publisher publisher;
    /** What its last publish said: a participant that sends audio alone receives audio alone on new endpoints. */
    boolean audioOnly;
    /** By publisher id. */
    final Map<String, Subscription> subscriptions = new HashMap<>();
    Grid grid;

    KurentoParticipant(String id) {
        this.id = id;
    }

    /** Whether a new endpoint for this offer carries video. */
    boolean wantsVideo(SdpOffer offer) {
        return offer.offersVideo() && !audioOnly;
    }

    /** The participant's endpoint that a reference names, or null. */
    WebRtcEndpoint endpoint(MediaEndpointRef ref) {
        if (ref.isPublisher()) {
            return publisher == null ? null : publisher.endpoint;
        }
        if (ref.isGrid()) {
            return grid == null ? null : grid.endpoint();
        }
        Subscription s = subscriptions.get(ref.publisherId());
        return s == null ? null : s.endpoint();
    }
}
