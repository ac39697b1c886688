package care.mend.media.kurento;

import static care.mend.media.kurento.KurentoEndpoints.logged;
import static care.mend.media.kurento.KurentoEndpoints.releaseQuietly;
import static care.mend.media.kurento.KurentoEndpoints.releaseWhenMade;

import care.mend.media.IceCandidate;
import care.mend.media.MediaEndpointRef;
import care.mend.media.MediaModality;
import care.mend.media.MediaRoom;
import care.mend.media.MediaRoomListener;
import care.mend.media.SdpAnswer;
import care.mend.media.SdpOffer;
import care.mend.media.kurento.KurentoParticipant.Grid;
import care.mend.media.kurento.KurentoParticipant.Publisher;
import care.mend.media.kurento.KurentoParticipant.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.kurento.client.EventListener;
import org.kurento.client.HubPort;
import org.kurento.client.IceCandidateFoundEvent;
import org.kurento.client.KurentoClient;
import org.kurento.client.ListenerSubscription;
import org.kurento.client.MediaFlowOutStateChangedEvent;
import org.kurento.client.MediaFlowState;
import org.kurento.client.MediaPipeline;
import org.kurento.client.WebRtcEndpoint;

/**
 * One room's media on Kurento (see the package comment for the shape): a pipeline, made when the room is and again on
 * the first negotiation after a loss; the participants' objects ({@link RoomObjects}); and a {@link GridMixer} only
 * while someone watches the grid.
 *
 * <p>Publishing, subscribing and watching the grid are one negotiation ({@link #negotiate}) that differs in a few
 * steps ({@link Negotiation}). Critical path, in KMS round trips: the endpoint; the bitrate caps, the connection that
 * feeds it (for a viewer) and the event subscriptions, in parallel; processOffer. Three in all (four for the first
 * grid viewer, whose Composite is made first). Candidates are gathered after the answer, once the candidate listener
 * is in place.
 *
 * <p>State is guarded by the {@link RoomObjects}' monitor. KMS calls are asynchronous and go out outside it (but for
 * the pipeline's own); their completions come back on the client's threads. A KMS loss starts a new generation:
 * whatever completes for an older one is released, not used.
 */
final class KurentoMediaRoom implements MediaRoom {

    private final String roomId;
    private final MediaRoomListener listener;
    private final KurentoMediaServer server;
    private final BitrateCaps caps;
    private final RoomObjects objects = new RoomObjects();
    /** Flow, loss and recovery, told to the room in the order they happened here (under {@code objects}). */
    private final InOrder reports = new InOrder();

    private CompletableFuture<RoomPipeline> pipe;
    private KmsNode pipeNode;
    private long generation;
    private boolean released;
    private boolean interrupted;

    KurentoMediaRoom(String roomId, MediaRoomListener listener, KurentoMediaServer server, BitrateCaps caps) {
        this.roomId = Objects.requireNonNull(roomId, "roomId");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.server = Objects.requireNonNull(server, "server");
        this.caps = Objects.requireNonNull(caps, "caps");
    }

    /** Starts making the pipeline at once, so that the first publish does not wait for it. No Composite. */
    void prepare() {
        pipe().exceptionally(failure -> logged("making a pipeline", failure));
    }

    @Override
    public String roomId() {
        return roomId;
    }

    /** The room's pipeline, made once per generation on the KMS with the fewest elements in use. */
    private CompletableFuture<RoomPipeline> pipe() {
        synchronized (objects) {
            if (released) {
                return CompletableFuture.failedFuture(new IllegalStateException("the media room is released"));
            }
            if (pipe != null && !pipe.isCompletedExceptionally()) {
                return pipe;
            }
            KmsNode node = server.pick().orElse(null);
            if (node == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("no media server is reachable"));
            }
            KurentoClient client;
            try {
                client = node.client();
            } catch (IllegalStateException e) {
                return CompletableFuture.failedFuture(e);
            }
            long gen = generation;
            pipeNode = node;
            pipe = node.gate().<MediaPipeline>call(client::createMediaPipeline).thenApply(pipeline -> {
                node.created(1);
                synchronized (objects) {
                    if (released || gen != generation) {
                        releaseQuietly(pipeline, node, 1);
                        throw new IllegalStateException("the media room was released or lost meanwhile");
                    }
                }
                return new RoomPipeline(node, client, pipeline, gen);
            });
            return pipe;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The one negotiation

    @Override
    public CompletionStage<SdpAnswer> publish(String participantId, SdpOffer offer, MediaModality modality) {
        Objects.requireNonNull(participantId, "participantId");
        return negotiate(new Negotiation.Publishing(participantId, offer, modality == MediaModality.AUDIO_ONLY,
                objects, caps, (publisher, event) -> flowChanged(participantId, publisher, event)));
    }

    @Override
    public CompletionStage<SdpAnswer> subscribe(String subscriberId, String publisherId, SdpOffer offer) {
        return negotiate(new Negotiation.Subscribing(subscriberId, publisherId, offer, objects, caps));
    }

    /**
     * Low-bandwidth mode: the participant receives one mixed grid of every publisher, instead of one stream each. The
     * Composite exists only while someone watches it.
     */
    @Override
    public CompletionStage<SdpAnswer> subscribeGrid(String subscriberId, SdpOffer offer) {
        return negotiate(new Negotiation.Watching(subscriberId, offer, objects, caps));
    }

    private CompletionStage<SdpAnswer> negotiate(Negotiation n) {
        return pipe().thenCompose(p -> {
            synchronized (objects) {
                if (released || p.generation() != generation) {
                    return CompletableFuture.failedFuture(new IllegalStateException("media room gone"));
                }
                try {
                    n.prepare(p);
                } catch (IllegalStateException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            n.prepared(p);
            WebRtcEndpoint.Builder builder = new WebRtcEndpoint.Builder(p.pipeline());
            if (n.recvonly()) {
                builder.recvonly();
            }
            return p.gate().<WebRtcEndpoint>call(builder::buildAsync)
                    .whenComplete((endpoint, failure) -> {
                        if (failure != null) {
                            n.abandoned(p);
                        }
                    })
                    .thenCompose(endpoint -> negotiate(n, p, endpoint));
        });
    }

    private CompletionStage<SdpAnswer> negotiate(Negotiation n, RoomPipeline p, WebRtcEndpoint endpoint) {
        p.node().created(1);
        IllegalStateException refused = null;
        synchronized (objects) {
            if (released || p.generation() != generation) {
                refused = new IllegalStateException("media room gone");
            } else {
                try {
                    n.place(p, endpoint);
                } catch (IllegalStateException e) {
                    refused = e;
                }
            }
        }
        if (refused != null) {
            releaseQuietly(endpoint, p.node(), 1);
            n.abandoned(p);
            return CompletableFuture.failedFuture(refused);
        }
        List<CompletableFuture<?>> listeners = new ArrayList<>(n.listen(p, endpoint));
        listeners.add(listenForCandidates(p.gate(), endpoint, n.ref));
        List<CompletableFuture<?>> before = new ArrayList<>(n.feed(p, endpoint));
        before.add(n.cap(p, endpoint));
        CompletableFuture<String> answer = KurentoEndpoints.processOfferAfter(p.gate(), endpoint, n.offer, before);
        KurentoEndpoints.gatherAfter(p.gate(), endpoint, answer, listeners);
        n.answering(p, endpoint, answer);
        return answer.thenApply(SdpAnswer::new);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Events and candidates

    private CompletableFuture<?> listenForCandidates(KmsCallGate gate, WebRtcEndpoint endpoint,
            MediaEndpointRef ref) {
        // An anonymous class, not a lambda: the client reads the event type from the listener's generic type.
        EventListener<IceCandidateFoundEvent> onCandidate = new EventListener<>() {
            @Override
            public void onEvent(IceCandidateFoundEvent event) {
                if (objects.holds(ref, endpoint)) {
                    org.kurento.client.IceCandidate c = event.getCandidate();
                    listener.iceCandidateFound(ref, new IceCandidate(c.getCandidate(), c.getSdpMid(),
                            Math.max(0, c.getSdpMLineIndex())));
                }
            }
        };
        return gate.<ListenerSubscription>call(k -> endpoint.addIceCandidateFoundListener(onCandidate, k));
    }

    /** What flows out of a publisher towards the pipeline is what the server receives from the participant. */
    private void flowChanged(String participantId, Publisher publisher, MediaFlowOutStateChangedEvent event) {
        synchronized (objects) {
            if (objects.publisherOf(participantId) != publisher) {
                return;
            }
            if (!publisher.flow(event.getMediaType(), event.getState() == MediaFlowState.FLOWING,
                    event.getTimestampMillis())) {
                return;
            }
            MediaModality modality = publisher.modality();
            if (modality == publisher.reported) {
                return;
            }
            publisher.reported = modality;
            reports.add(() -> listener.mediaFlowChanged(participantId, modality));
        }
        reports.deliver();
    }

    @Override
    public CompletionStage<Void> addIceCandidate(MediaEndpointRef endpoint, IceCandidate candidate) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(candidate, "candidate");
        WebRtcEndpoint target;
        KmsNode node;
        synchronized (objects) {
            node = pipeNode;
            target = objects.endpoint(endpoint);
        }
        if (target == null || node == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no such endpoint"));
        }
        org.kurento.client.IceCandidate kc = new org.kurento.client.IceCandidate(candidate.candidate(),
                candidate.sdpMid() == null ? "" : candidate.sdpMid(), candidate.sdpMLineIndex());
        return node.gate().<Void>call(k -> target.addIceCandidate(kc, k));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Release: viewers, then publishers, then HubPorts, then the Composite, then the pipeline

    /** Releases one subscription, or with {@link MediaEndpointRef#GRID} as the publisher, the grid endpoint. */
    @Override
    public CompletionStage<Void> unsubscribe(String subscriberId, String publisherId) {
        CompletableFuture<Void> first = CompletableFuture.completedFuture(null);
        GridMixer.Release unwatched = GridMixer.Release.NONE;
        CompletableFuture<HubPort> unused = null;
        KmsNode node;
        synchronized (objects) {
            node = pipeNode;
            KurentoParticipant me = objects.find(subscriberId);
            if (me == null) {
                return first;
            }
            if (MediaEndpointRef.GRID.equals(publisherId)) {
                Grid grid = me.grid;
                me.grid = null;
                if (grid != null) {
                    first = Negotiation.release(grid, node);
                    unwatched = objects.unwatch();
                    // Still watched: its port stays while it publishes (the others see it through it).
                    unused = objects.unusedPort(me);
                }
            } else {
                Subscription s = me.subscriptions.remove(publisherId);
                if (s != null) {
                    first = releaseQuietly(s.endpoint(), pipeNode, 1);
                }
            }
        }
        GridMixer.Release grid = unwatched;
        CompletableFuture<HubPort> port = unused;
        return first.thenCompose(ignored -> releaseWhenMade(port, node)).thenCompose(ignored -> grid.run());
    }

    @Override
    public CompletionStage<Void> removeParticipant(String participantId) {
        List<CompletableFuture<Void>> first = new ArrayList<>();
        Publisher publisher = null;
        CompletableFuture<HubPort> ownPort = null;
        GridMixer.Release unwatched = GridMixer.Release.NONE;
        KmsNode node;
        synchronized (objects) {
            node = pipeNode;
            KurentoParticipant me = objects.remove(participantId);
            for (KurentoParticipant other : objects.all()) {
                Subscription s = other.subscriptions.remove(participantId);
                if (s != null) {
                    first.add(releaseQuietly(s.endpoint(), node, 1));
                }
            }
            if (me != null) {
                me.subscriptions.values().forEach(s -> first.add(releaseQuietly(s.endpoint(), node, 1)));
                if (me.grid != null) {
                    first.add(Negotiation.release(me.grid, node));
                    unwatched = objects.unwatch();
                }
                publisher = me.publisher;
                // Its one HubPort, which a mixer released just now would not find: it is no participant any more.
                ownPort = me.port;
                me.port = null;
            }
        }
        // Subscribers first: an endpoint never outlives the stream it carries, nor the reverse for long.
        Publisher pub = publisher;
        CompletableFuture<HubPort> port = ownPort;
        GridMixer.Release grid = unwatched;
        return allOf(first)
                .thenCompose(ignored -> pub == null ? CompletableFuture.completedFuture(null)
                        : Negotiation.release(pub, node))
                .thenCompose(ignored -> CompletableFuture.allOf(releaseWhenMade(port, node), grid.ports()))
                .thenCompose(ignored -> grid.composite());
    }

    @Override
    public CompletionStage<Void> release() {
        CompletableFuture<RoomPipeline> made;
        List<CompletableFuture<Void>> first = new ArrayList<>();
        List<Publisher> publishers = new ArrayList<>();
        GridMixer.Release grid;
        KmsNode node;
        synchronized (objects) {
            if (released) {
                return CompletableFuture.completedFuture(null);
            }
            released = true;
            made = pipe;
            node = pipeNode;
            for (KurentoParticipant p : objects.all()) {
                p.subscriptions.values().forEach(s -> first.add(releaseQuietly(s.endpoint(), node, 1)));
                if (p.grid != null) {
                    first.add(Negotiation.release(p.grid, node));
                }
                if (p.publisher != null) {
                    publishers.add(p.publisher);
                }
            }
            grid = objects.releaseMixer(); // with every participant's HubPort
            objects.clear();
        }
        server.retired(this);
        if (made == null) {
            return CompletableFuture.completedFuture(null);
        }
        return allOf(first)
                .thenCompose(ignored -> allOf(publishers.stream().map(p -> Negotiation.release(p, node)).toList()))
                .thenCompose(ignored -> grid.ports())
                .thenCompose(ignored -> grid.composite())
                .thenCompose(ignored -> made.handle((p, failure) -> p))
                .thenCompose(p -> p == null ? CompletableFuture.completedFuture(null)
                        : releaseQuietly(p.pipeline(), p.node(), 1));
    }

    private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> stages) {
        return CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Loss and recovery

    /** The KMS that held this room's pipeline is gone: forget every object (they died with it), tell the room. */
    void mediaServerLost(KmsNode node) {
        synchronized (objects) {
            if (released || pipeNode != node || pipe == null) {
                return;
            }
            generation++;
            pipe = null;
            pipeNode = null;
            objects.clear();
            interrupted = true;
            reports.add(listener::mediaInterrupted);
        }
        reports.deliver();
    }

    /**
     * Some KMS answers: an interrupted room asks its clients to negotiate again. Nothing is built here: the first
     * publish or subscribe makes the pipeline, so a room nobody uses any more costs the new KMS nothing.
     */
    void mediaServerAvailable() {
        synchronized (objects) {
            if (released || !interrupted) {
                return;
            }
            interrupted = false;
            reports.add(listener::mediaRestored);
        }
        reports.deliver();
    }

    @Override
    public String toString() {
        return "KurentoMediaRoom[" + roomId + "]";
    }
}
