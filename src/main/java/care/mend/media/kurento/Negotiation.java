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

    /** Releases a publisher endpoint; its participant's HubPort is the room's to release, after it. */
    static CompletableFuture<Void> release(Publisher publisher, KmsNode node) {
        return releaseQuietly(publisher.endpoint, node, 1);
    }

    /** Releases a grid viewer's endpoint; its participant's HubPort is the room's to release, after it. */
    static CompletableFuture<Void> release(Grid grid, KmsNode node) {
        return releaseQuietly(grid.endpoint(), node, 1);
    }

    /**
     * A participant's publisher endpoint; a new one takes over the viewers of the one it replaces and, while the grid
     * is watched, feeds the participant's HubPort (the one its own grid endpoint, if any, is fed by).
     */
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
                gridPort = objects.portOf(me, mixer);
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
                // The participant's HubPort stays: the new endpoint feeds it.
                answer.whenComplete((ok, failure) -> release(old, p.node()));
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
     * A low-bandwidth viewer of the grid, into an endpoint of its own fed by the participant's one HubPort of the
     * Composite: the port its publisher feeds, if it publishes. A Composite port sends the mix of every other port's
     * input, so a port of its own, apart from its publisher's, would send the viewer its own voice and face, late by
     * the mixer. The first viewer brings the Composite and a HubPort for each publisher; the last one to leave takes
     * them away.
     */
    static final class Watching extends Negotiation {
        private GridMixer grid;
        private KurentoParticipant me;
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
            me = objects.participant(ref.ownerId());
            for (KurentoParticipant other : objects.all()) {
                if (other.publisher != null && other.port == null) {
                    feeds.add(Map.entry(other.publisher, objects.portOf(other, grid)));
                }
            }
            // Its publisher's port, or one its publisher will feed if it publishes meanwhile.
            port = objects.portOf(me, grid);
            me.watchingUnderWay++;
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
            if (objects.find(ref.ownerId()) != me || me.port != port) {
                throw new IllegalStateException("the viewer left meanwhile");
            }
            me.watchingUnderWay--;
            withVideo = me.wantsVideo(offer);
            replaced = me.grid;
            me.grid = new Grid(endpoint, withVideo);
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
                release(replaced, p.node()); // the port stays: it feeds the new endpoint
            }
        }

        @Override
        void abandoned(RoomPipeline p) {
            GridMixer.Release unwatched = GridMixer.Release.NONE;
            CompletableFuture<HubPort> unused = null;
            synchronized (objects) {
                // A participant that left meanwhile took its port along.
                boolean stayed = objects.find(ref.ownerId()) == me;
                if (stayed) {
                    me.watchingUnderWay--;
                }
                if (objects.mixer() == grid) {
                    unwatched = objects.unwatch(); // the last viewer's mixer takes every port, this one's too
                    if (stayed) {
                        unused = objects.unusedPort(me);
                    }
                }
            }
            GridMixer.Release mixer = unwatched;
            releaseWhenMade(unused, p.node()).thenCompose(ignored -> mixer.run());
        }
    }
}
