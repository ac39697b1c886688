package care.mend.media.kurento;

import care.mend.media.MediaEndpointRef;
import care.mend.media.kurento.KurentoParticipant.Publisher;
import care.mend.media.kurento.KurentoParticipant.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.kurento.client.HubPort;
import org.kurento.client.WebRtcEndpoint;

/**
 * What one room has on its KMS in this generation, participant by participant, and its grid while someone watches it.
 * Its monitor is the room's lock: every method expects the caller to hold it, except those that take it themselves
 * (named so in their comment). No KMS call is made here.
 */
final class RoomObjects {

    private final Map<String, KurentoParticipant> participants = new HashMap<>();
    private GridMixer mixer;

    KurentoParticipant participant(String id) {
        return participants.computeIfAbsent(id, KurentoParticipant::new);
    }

    KurentoParticipant find(String id) {
        return participants.get(id);
    }

    KurentoParticipant remove(String id) {
        return participants.remove(id);
    }

    Collection<KurentoParticipant> all() {
        return participants.values();
    }

    Publisher publisherOf(String id) {
        KurentoParticipant p = participants.get(id);
        return p == null ? null : p.publisher;
    }

    WebRtcEndpoint endpoint(MediaEndpointRef ref) {
        KurentoParticipant p = participants.get(ref.ownerId());
        return p == null ? null : p.endpoint(ref);
    }

    /** Whether the endpoint is still the one the reference names. Takes the lock. */
    synchronized boolean holds(MediaEndpointRef ref, WebRtcEndpoint endpoint) {
        return endpoint(ref) == endpoint;
    }

    /** Whether the subscription is still in place. Takes the lock. */
    synchronized boolean holds(Subscription subscription) {
        return participants.values().stream().anyMatch(p -> p.subscriptions.containsValue(subscription));
    }

    /** Every participant's subscription to this publisher. */
    List<Subscription> viewersOf(String publisherId) {
        return participants.values().stream().map(p -> p.subscriptions.get(publisherId)).filter(Objects::nonNull)
                .toList();
    }

    /** The grid while someone watches it (or a viewer is on the way), else null. */
    GridMixer mixer() {
        return mixer;
    }

    /** The grid, made (empty, on this pipeline) if there is none. */
    GridMixer mixer(RoomPipeline pipe) {
        if (mixer == null) {
            mixer = new GridMixer(pipe);
        }
        return mixer;
    }

    /** One grid viewer fewer; if that was the last, the grid goes with every participant's HubPort. */
    GridMixer.Release unwatch() {
        return mixer != null && mixer.unwatch() ? releaseMixer() : GridMixer.Release.NONE;
    }

    /** The grid goes (nobody watches, or the room goes), with every participant's HubPort. */
    GridMixer.Release releaseMixer() {
        GridMixer gone = mixer;
        mixer = null;
        if (gone == null) {
            return GridMixer.Release.NONE;
        }
        List<CompletableFuture<HubPort>> ports = new ArrayList<>();
        for (KurentoParticipant p : participants.values()) {
            if (p.port != null) {
                ports.add(p.port);
                p.port = null;
            }
        }
        return new GridMixer.Release(ports, gone.close(), gone.pipe().node());
    }

    /**
     * The participant's one HubPort of this grid, asked for if it has none: its publisher feeds it and its grid
     * endpoint is fed by it (see {@link KurentoParticipant}). Made on the mixer's next flush.
     */
    CompletableFuture<HubPort> portOf(KurentoParticipant p, GridMixer grid) {
        if (p.port == null) {
            p.port = grid.port();
        }
        return p.port;
    }

    /** Takes away the participant's HubPort once it neither publishes nor watches, for the caller to release. */
    CompletableFuture<HubPort> unusedPort(KurentoParticipant p) {
        if (p.needsPort()) {
            return null;
        }
        CompletableFuture<HubPort> port = p.port;
        p.port = null;
        return port;
    }

    /** Everything is gone with the KMS: forget it. */
    void clear() {
        participants.clear();
        mixer = null;
    }
}
