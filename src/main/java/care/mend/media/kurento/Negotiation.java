package care.mend.media.kurento;

import static care.mend.media.kurento.KurentoEndpoints.capped;
import static care.mend.media.kurento.KurentoEndpoints.connect;
import static care.mend.media.kurento.KurentoEndpoints.logged;
import static care.mend.media.kurento.KurentoEndpoints.releaseQuietly;
import static care.mend.media.kurento.KurentoEndpoints.releaseWhenMade;

import care.mend.media.MediaEndpointRef;
import care.mend.media.SdpOffer;
import care.mend.media.kurento.KurentoParticipant.Grid;
import care.mend.media.kurento.KurentoParticipant.Publisher;
import care.mend.media.kurento.KurentoParticipant.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.kurento.client.EventListener;
import org.kurento.client.HubPort;
import org.kurento.client.ListenerSubscription;
import org.kurento.client.MediaFlowOutStateChangedEvent;
import org.kurento.client.WebRtcEndpoint;

/**
 * What a publisher, a subscriber and a grid viewer do differently when their endpoint is negotiated; the room's one
 * negotiation ({@code KurentoMediaRoom.negotiate}) makes the endpoint, calls these steps in order, listens for its
 * candidates, applies the caps, processes the offer and gathers. Steps named "under the lock" run holding the room's
 * lock (the {@link RoomObjects}' monitor) and change state only; the others make the KMS calls. One instance per
 * negotiation, so a step can hand what it decided to the next.
 */
abstract class Negotiation {

    final MediaEndpointRef ref;
    final SdpOffer offer;
    final RoomObjects objects;
    final BitrateCaps caps;

    Negotiation(MediaEndpointRef ref, SdpOffer offer, RoomObjects objects, BitrateCaps caps) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.offer = Objects.requireNonNull(offer, "offer");
        this.objects = objects;
        this.caps = caps;
    }

    /** A viewer's endpoint only receives. */
    boolean recvonly() {
        return true;
    }

    /** The bitrate caps, before the offer (they shape the answer). */
    abstract CompletableFuture<Void> cap(RoomPipeline p, WebRtcEndpoint endpoint);

    /** Under the lock, before the endpoint is made; throws IllegalStateException to refuse. */
    void prepare(RoomPipeline p) {
    }

    /** After {@link #prepare}. */
    void prepared(RoomPipeline p) {
    }

    /** Under the lock, in the room's current generation: puts the endpoint in place; may refuse as above. */
    abstract void place(RoomPipeline p, WebRtcEndpoint endpoint);

    /** The connections that feed the endpoint, made before the offer. */
    List<CompletableFuture<?>> feed(RoomPipeline p, WebRtcEndpoint endpoint) {
        return List.of();
    }

    /** Event subscriptions besides the candidates', in place before gathering. */
    List<CompletableFuture<?>> listen(RoomPipeline p, WebRtcEndpoint endpoint) {
        return List.of();
    }

    /** Once the offer is on its way: what follows the answer. */
    void answering(RoomPipeline p, WebRtcEndpoint endpoint, CompletableFuture<String> answer) {
    }

    /** The endpoint was not placed (refused, or the room released or lost meanwhile): undo {@link #prepare}. */
    void abandoned(RoomPipeline p) {
    }

    /** Releases a publisher endpoint and its HubPort, if it has one. */
    static CompletableFuture<Void> release(RoomObjects objects, Publisher publisher, KmsNode node) {
        return CompletableFuture.allOf(releaseQuietly(publisher.endpoint, node, 1),
                releaseWhenMade(objects.takePort(publisher), node));
    }

    /** Releases a grid viewer's endpoint and the HubPort that fed it. */
    static CompletableFuture<Void> release(Grid grid, KmsNode node) {
        return CompletableFuture.allOf(releaseQuietly(grid.endpoint(), node, 1), releaseWhenMade(grid.port(), node));
    }

    /** A participant's publisher endpoint; a new one takes over the viewers of the one it replaces. */
    static final class Publishing extends Negotiation {
        private final boolean audioOnly;
        private final BiConsumer<Publisher, MediaFlowOutStateChangedEvent> onFlow;
        private Publisher placed;
        private Publisher replaced;
        private List<Subscription> viewers;
        private GridMixer grid;
        private CompletableFuture<HubPort> gridPort;

        Publishing(String participantId, SdpOffer offer, boolean audioOnly, RoomObjects objects, BitrateCaps caps,
                BiConsumer<Publisher, MediaFlowOutStateChangedEvent> onFlow) {
            super(MediaEndpointRef.publisher(participantId), offer, objects, caps);
            this.audioOnly = audioOnly;
            this.onFlow = onFlow;
        }

        @Override
        boolean recvonly() {
            return false;
        }

        @Override
        CompletableFuture<Void> cap(RoomPipeline p, WebRtcEndpoint endpoint) {
            return capped(p.gate(), endpoint, endpoint::setMaxVideoRecvBandwidth, caps.publisherInKbps(),
                    caps.encoderKbps());
        }

        @Override
        void place(RoomPipeline p, WebRtcEndpoint endpoint) {
            KurentoParticipant me = objects.participant(ref.ownerId());
            placed = new Publisher(endpoint, audioOnly);
            replaced = me.publisher;
            me.publisher = placed;
            me.audioOnly = audioOnly;
            GridMixer mixer = objects.mixer();
            if (mixer != null && mixer.watched()) {
                grid = mixer;
                gridPort = mixer.port();
                placed.port = gridPort;
            }
            viewers = objects.viewersOf(ref.ownerId());
        }

        @Override
        List<CompletableFuture<?>> listen(RoomPipeline p, WebRtcEndpoint endpoint) {
            Publisher publisher = placed;
            // An anonymous class, not a lambda: the client reads the event type from the listener's generic type.
            EventListener<MediaFlowOutStateChangedEvent> listener = new EventListener<>() {
                @Override
                public void onEvent(MediaFlowOutStateChangedEvent event) {
                    onFlow.accept(publisher, event);
                }
            };
            return List.of(p.gate().<ListenerSubscription>call(
                    k -> endpoint.addMediaFlowOutStateChangedListener(listener, k)));
        }

        @Override
        void answering(RoomPipeline p, WebRtcEndpoint endpoint, CompletableFuture<String> answer) {
            if (grid != null) {
                // Off the critical path: while someone watches the grid, every publisher is in it.
                grid.flush();
                gridPort.thenCompose(port -> connect(p.gate(), endpoint, port, !audioOnly))
                        .exceptionally(failure -> logged("feeding the grid", failure));
            }
            // After the answer, off the critical path: the new endpoint feeds the viewers of the old one, with video
            // where the viewer's endpoint was made for video.
            answer.thenRun(() -> {
                for (Subscription viewer : viewers) {
                    if (objects.holds(viewer)) {
                        connect(p.gate(), endpoint, viewer.endpoint(), viewer.wantsVideo() && !audioOnly)
                                .exceptionally(failure -> logged("reconnecting a viewer", failure));
                    }
                }
            });
            if (replaced != null) {
                Publisher old = replaced;
                answer.whenComplete((ok, failure) -> release(objects, old, p.node()));
            }
        }
    }

    /** One participant receiving another's stream (SFU), with video only if its offer and its mode ask for it. */
    static final class Subscribing extends Negotiation {
        private WebRtcEndpoint source;
        private boolean withVideo;
        private Subscription replaced;

        Subscribing(String subscriberId, String publisherId, SdpOffer offer, RoomObjects objects, BitrateCaps caps) {
            super(MediaEndpointRef.subscriber(subscriberId, publisherId), offer, objects, caps);
        }

        @Override
        CompletableFuture<Void> cap(RoomPipeline p, WebRtcEndpoint endpoint) {
            return capped(p.gate(), endpoint, endpoint::setMaxVideoSendBandwidth, caps.subscriberOutKbps(),
                    caps.encoderKbps());
        }

        @Override
        void prepare(RoomPipeline p) {
            if (objects.publisherOf(ref.publisherId()) == null) {
                throw new IllegalStateException("that participant is not publishing");
            }
        }

        @Override
        void place(RoomPipeline p, WebRtcEndpoint endpoint) {
            // The publisher now, not before the endpoint was made: it may have published again meanwhile.
            Publisher publisher = objects.publisherOf(ref.publisherId());
            if (publisher == null) {
                throw new IllegalStateException("that participant is not publishing");
            }
            KurentoParticipant me = objects.participant(ref.ownerId());
            boolean wantsVideo = me.wantsVideo(offer);
            replaced = me.subscriptions.put(ref.publisherId(), new Subscription(endpoint, wantsVideo));
            source = publisher.endpoint;
            withVideo = wantsVideo && !publisher.audioOnly;
        }

        @Override
        List<CompletableFuture<?>> feed(RoomPipeline p, WebRtcEndpoint endpoint) {
            return List.of(connect(p.gate(), source, endpoint, withVideo));
        }

        @Override
        void answering(RoomPipeline p, WebRtcEndpoint endpoint, CompletableFuture<String> answer) {
            if (replaced != null) {
                releaseQuietly(replaced.endpoint(), p.node(), 1);
            }
        }
    }

    /**
     * A low-bandwidth viewer of the grid, through a HubPort of the Composite into an endpoint of its own. The first
     * viewer brings the Composite and a HubPort for each publisher; the last one to leave takes them away.
     */
    static final class Watching extends Negotiation {
        private GridMixer grid;
        private CompletableFuture<HubPort> port;
        private final List<Map.Entry<Publisher, CompletableFuture<HubPort>>> feeds = new ArrayList<>();
        private boolean withVideo;
        private Grid replaced;

        Watching(String viewerId, SdpOffer offer, RoomObjects objects, BitrateCaps caps) {
            super(MediaEndpointRef.grid(viewerId), offer, objects, caps);
        }

        @Override
        CompletableFuture<Void> cap(RoomPipeline p, WebRtcEndpoint endpoint) {
            return capped(p.gate(), endpoint, endpoint::setMaxVideoSendBandwidth, caps.gridOutKbps(),
                    caps.encoderKbps());
        }

        @Override
        void prepare(RoomPipeline p) {
            grid = objects.mixer(p);
            grid.watch();
            port = grid.port();
            for (KurentoParticipant other : objects.all()) {
                if (other.publisher != null && other.publisher.port == null) {
                    other.publisher.port = grid.port();
                    feeds.add(Map.entry(other.publisher, other.publisher.port));
                }
            }
        }

        @Override
        void prepared(RoomPipeline p) {
            grid.flush();
            for (Map.Entry<Publisher, CompletableFuture<HubPort>> feed : feeds) {
                Publisher publisher = feed.getKey();
                feed.getValue().thenCompose(hp -> connect(p.gate(), publisher.endpoint, hp, !publisher.audioOnly))
                        .exceptionally(failure -> logged("feeding the grid", failure));
            }
        }

        @Override
        void place(RoomPipeline p, WebRtcEndpoint endpoint) {
            if (objects.mixer() != grid) {
                throw new IllegalStateException("the grid was released meanwhile");
            }
            KurentoParticipant me = objects.participant(ref.ownerId());
            withVideo = me.wantsVideo(offer);
            replaced = me.grid;
            me.grid = new Grid(endpoint, port, withVideo);
            if (replaced != null) {
                grid.unwatch(); // the new viewer holds on to the grid
            }
        }

        @Override
        List<CompletableFuture<?>> feed(RoomPipeline p, WebRtcEndpoint endpoint) {
            return List.of(port.thenCompose(hp -> connect(p.gate(), hp, endpoint, withVideo)));
        }

        @Override
        void answering(RoomPipeline p, WebRtcEndpoint endpoint, CompletableFuture<String> answer) {
            if (replaced != null) {
                release(replaced, p.node());
            }
        }

        @Override
        void abandoned(RoomPipeline p) {
            releaseWhenMade(port, p.node());
            GridMixer.Release unwatched = GridMixer.Release.NONE;
            synchronized (objects) {
                if (objects.mixer() == grid) {
                    unwatched = objects.unwatch();
                }
            }
            unwatched.run();
        }
    }
}
