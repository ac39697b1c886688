package care.mend.room;

import care.mend.media.IceCandidate;
import care.mend.media.MediaEndpointRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a browser's ICE candidates until their endpoint exists. A browser trickles candidates as soon as it has made
 * its offer, while the media server is still creating the endpoint; dropping them (as the Kurento group-call
 * tutorial did) leaves calls that connect only sometimes. Candidates for a ready endpoint pass straight through;
 * the rest are kept in arrival order, at most {@code limit} per endpoint, and handed over when the endpoint is
 * ready. Only endpoints under negotiation ({@link #rearm}) or ready are known: candidates for any other are refused,
 * so the buffer holds at most {@code limit} candidates for each endpoint a participant really has, whatever a client
 * sends. Not thread-safe: a room uses it inside its serialised steps.
 */
final class IceCandidateBuffer {

    private final int limit;
    private final Set<MediaEndpointRef> ready = new HashSet<>();
    private final Set<MediaEndpointRef> negotiating = new HashSet<>();
    private final Map<MediaEndpointRef, List<IceCandidate>> pending = new HashMap<>();

    IceCandidateBuffer(int limit) {
        this.limit = limit;
    }

    /**
     * Offers a candidate: true if the endpoint is ready and the caller should pass the candidate on now; false if it
     * was buffered (or dropped past the limit).
     */
    boolean offer(MediaEndpointRef endpoint, IceCandidate candidate) {
        if (ready.contains(endpoint)) {
            return true;
        }
        if (!negotiating.contains(endpoint)) {
            throw new IllegalStateException("not an endpoint under negotiation");
        }
        List<IceCandidate> list = pending.computeIfAbsent(endpoint, e -> new ArrayList<>());
        if (list.size() < limit) {
            list.add(candidate);
        }
        return false;
    }

    /** Marks the endpoint ready and returns what was buffered for it, in arrival order. */
    List<IceCandidate> ready(MediaEndpointRef endpoint) {
        negotiating.remove(endpoint);
        ready.add(endpoint);
        List<IceCandidate> buffered = pending.remove(endpoint);
        return buffered == null ? List.of() : buffered;
    }

    boolean isReady(MediaEndpointRef endpoint) {
        return ready.contains(endpoint);
    }

    /** Whether candidates for the endpoint are taken: it is ready, or an offer for it is under way. */
    boolean isKnown(MediaEndpointRef endpoint) {
        return ready.contains(endpoint) || negotiating.contains(endpoint);
    }

    /**
     * A new offer is replacing the endpoint: candidates buffer again until the new one is ready. What is already
     * buffered stays: it was sent after the last endpoint was ready, so it belongs to the new offer.
     */
    void rearm(MediaEndpointRef endpoint) {
        ready.remove(endpoint);
        negotiating.add(endpoint);
    }

    /** The endpoint is gone: forget it and anything buffered for it. */
    void forget(MediaEndpointRef endpoint) {
        ready.remove(endpoint);
        negotiating.remove(endpoint);
        pending.remove(endpoint);
    }

    /** Forgets every endpoint that involves the participant, as owner or as publisher. */
    void forgetParticipant(String participantId) {
        ready.removeIf(e -> e.involves(participantId));
        negotiating.removeIf(e -> e.involves(participantId));
        pending.keySet().removeIf(e -> e.involves(participantId));
    }

    int buffered(MediaEndpointRef endpoint) {
        List<IceCandidate> list = pending.get(endpoint);
        return list == null ? 0 : list.size();
    }

    boolean isEmpty() {
        return ready.isEmpty() && negotiating.isEmpty() && pending.isEmpty();
    }

    void clear() {
        ready.clear();
        negotiating.clear();
        pending.clear();
    }
}
