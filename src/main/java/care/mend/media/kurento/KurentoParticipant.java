package care.mend.media.kurento;

import care.mend.media.MediaEndpointRef;
import care.mend.media.MediaModality;
import care.mend.media.SdpOffer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.kurento.client.HubPort;
import org.kurento.client.MediaType;
import org.kurento.client.WebRtcEndpoint;

/**
 * One participant's Kurento objects in a room: the publisher endpoint it sends through, the subscriber endpoint of
 * each stream it receives, its grid endpoint in low-bandwidth mode, and, while someone watches the grid, its one
 * HubPort of the Composite. A plain holder: its room keeps it under the room's lock and makes every KMS call.
 *
 * <p>One HubPort, not one per role: a Composite port sends the mix of every other port's input, so the port that its
 * publisher feeds is the one port whose output lacks the participant itself. Its grid endpoint is fed from there, or
 * it would hear (and see) itself, late by the mixer. The participant owns that port: it is made by whichever of its
 * publish and grid subscription first needs it, kept while either does, and released by the room once neither does
 * (or with every other port when the grid goes).
 */
final class KurentoParticipant {

    /** A publisher endpoint and what KMS says flows out of it. */
    static final class Publisher {
        final WebRtcEndpoint endpoint;
        final boolean audioOnly;
        final Set<MediaType> flowing = EnumSet.noneOf(MediaType.class);
        /** KMS's time of the last flow event applied, per media type (events may reach us out of order). */
        final Map<MediaType, Long> lastFlowAt = new EnumMap<>(MediaType.class);
        MediaModality reported;

        Publisher(WebRtcEndpoint endpoint, boolean audioOnly) {
            this.endpoint = endpoint;
            this.audioOnly = audioOnly;
        }

        /**
         * Applies what KMS says now flows of one media type, unless KMS said something newer about that type
         * already: the client hands events to a pool of threads, so a NOT_FLOWING and the FLOWING that followed it
         * can arrive the other way round. KMS stamps each event in milliseconds; an event without a readable stamp
         * is applied as it comes.
         *
         * @return whether the event was applied
         */
        boolean flow(MediaType type, boolean isFlowing, String timestampMillis) {
            Long at = millis(timestampMillis);
            if (at != null) {
                Long last = lastFlowAt.get(type);
                if (last != null && at < last) {
                    return false;
                }
                lastFlowAt.put(type, at);
            }
            if (isFlowing) {
                flowing.add(type);
            } else {
                flowing.remove(type);
            }
            return true;
        }

        private static Long millis(String stamp) {
            if (stamp == null || stamp.isEmpty() || stamp.length() > 19) {
                return null;
            }
            try {
                return Long.parseLong(stamp);
            } catch (NumberFormatException e) {
                return null;
            }
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

    /** A low-bandwidth viewer's endpoint, fed the mix by the participant's {@link #port}. */
    record Grid(WebRtcEndpoint endpoint, boolean wantsVideo) {
    }

    final String id;
    Publisher publisher;
    /** What its last publish said: a participant that sends audio alone receives audio alone on new endpoints. */
    boolean audioOnly;
    /** By publisher id. */
    final Map<String, Subscription> subscriptions = new HashMap<>();
    Grid grid;
    /**
     * Its HubPort while the grid is watched and it publishes, watches, or is about to watch: its publisher feeds it,
     * its grid endpoint is fed by it. Null while nobody watches.
     */
    CompletableFuture<HubPort> port;
    /** Grid subscriptions whose endpoint is being made: they hold on to {@link #port}. */
    int watchingUnderWay;

    KurentoParticipant(String id) {
        this.id = id;
    }

    /** Whether its HubPort is still of use: it publishes, watches, or is about to. */
    boolean needsPort() {
        return publisher != null || grid != null || watchingUnderWay > 0;
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
