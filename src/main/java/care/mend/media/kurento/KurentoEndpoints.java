package care.mend.media.kurento;

import care.mend.media.SdpOffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kurento.client.Continuation;
import org.kurento.client.MediaElement;
import org.kurento.client.MediaObject;
import org.kurento.client.MediaType;
import org.kurento.client.WebRtcEndpoint;

/**
 * The KMS calls every negotiation is made of, each a future through the KMS's {@link KmsCallGate}: bitrate caps,
 * connections, the offer, candidate gathering and releases. Stateless.
 */
final class KurentoEndpoints {

    private static final Logger LOG = Logger.getLogger(KurentoEndpoints.class.getName());

    private KurentoEndpoints() {
    }

    /** A setter taking a value and a continuation, such as {@code setMaxVideoSendBandwidth}. */
    interface IntSetter {
        void set(int value, Continuation<Void> done);
    }

    /**
     * Applies a bandwidth cap and the encoder ceiling, in parallel with the event subscriptions, before the offer is
     * processed (the caps shape the answer).
     */
    static CompletableFuture<Void> capped(KmsCallGate gate, WebRtcEndpoint endpoint, IntSetter cap, int kbps,
            int encoderKbps) {
        CompletableFuture<Void> bandwidth = gate.call(k -> cap.set(kbps, k));
        CompletableFuture<Void> encoder = gate.call(
                k -> endpoint.setMaxEncoderBitrate(Math.min(kbps, encoderKbps) * 1000, k));
        return CompletableFuture.allOf(bandwidth, encoder);
    }

    /** Connects everything the source sends, or its audio alone. */
    static CompletableFuture<Void> connect(KmsCallGate gate, MediaElement source, MediaElement sink,
            boolean withVideo) {
        return withVideo ? gate.<Void>call(k -> source.connect(sink, k))
                : gate.<Void>call(k -> source.connect(sink, MediaType.AUDIO, k));
    }

    /**
     * Processes the offer once the caps (which shape the answer) and connections are in place. Not a Kurento
     * transaction: the 7.3 client re-sends a failed transaction without end, so one bad offer would loop.
     */
    static CompletableFuture<String> processOfferAfter(KmsCallGate gate, WebRtcEndpoint endpoint, SdpOffer offer,
            List<CompletableFuture<?>> before) {
        return CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                .thenCompose(ignored -> gate.<String>call(offerBytes(offer),
                        k -> endpoint.processOffer(offer.sdp(), k)));
    }

    /** An offer's weight on the wire: its SDP with line ends escaped in JSON, and the envelope. */
    static int offerBytes(SdpOffer offer) {
        String sdp = offer.sdp();
        return sdp.length() + 2 * (int) sdp.chars().filter(c -> c == '\r' || c == '\n' || c == '"').count()
                + KmsCallGate.SMALL_CALL_BYTES;
    }

    /** Gathering starts once the answer is out and the listeners are subscribed, so no candidate is missed. */
    static void gatherAfter(KmsCallGate gate, WebRtcEndpoint endpoint, CompletableFuture<?> answered,
            List<CompletableFuture<?>> listeners) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[listeners.size() + 1];
        all[0] = answered;
        for (int i = 0; i < listeners.size(); i++) {
            all[i + 1] = listeners.get(i);
        }
        CompletableFuture.allOf(all)
                .thenCompose(ignored -> gate.<Void>call(endpoint::gatherCandidates))
                .exceptionally(failure -> logged("gathering candidates", failure));
    }

    /**
     * Releases one object; a failure is logged, never thrown: KMS forgets unknown ids and a lost KMS holds none.
     * {@code elements} is what the release takes off the node's count.
     */
    static CompletableFuture<Void> releaseQuietly(MediaObject object, KmsNode node, int elements) {
        CompletableFuture<Void> released = node == null ? KurentoCalls.call(object::release)
                : node.gate().call(object::release);
        return released.handle((ok, failure) -> {
            if (failure != null) {
                LOG.log(Level.FINE, "MEND-MEDIA a release failed", failure);
            }
            if (node != null) {
                node.released(elements);
            }
            return null;
        });
    }

    /** Releases an object still being made, once it is (nothing if making it failed). */
    static <T extends MediaObject> CompletableFuture<Void> releaseWhenMade(CompletableFuture<T> made, KmsNode node) {
        if (made == null) {
            return CompletableFuture.completedFuture(null);
        }
        return made.handle((object, failure) -> object)
                .thenCompose(object -> object == null ? CompletableFuture.completedFuture(null)
                        : releaseQuietly(object, node, 1));
    }

    /** Logs a failure off the critical path: its kind at WARNING, the trace at FINE. */
    static <T> T logged(String what, Throwable failure) {
        LOG.log(Level.WARNING, "MEND-MEDIA " + what + " failed: " + failure.getClass().getSimpleName());
        LOG.log(Level.FINE, "MEND-MEDIA " + what + " failed", failure);
        return null;
    }
}
