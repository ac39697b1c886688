package care.mend.media.kurento;

import care.mend.media.IceCandidate;
import care.mend.media.MediaEndpointRef;
import care.mend.media.MediaModality;
import care.mend.media.MediaRoom;
import care.mend.media.MediaRoomListener;
import care.mend.media.SdpAnswer;
import care.mend.media.SdpOffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kurento.client.Composite;
import org.kurento.client.Continuation;
import org.kurento.client.EventListener;
import org.kurento.client.HubPort;
import org.kurento.client.IceCandidateFoundEvent;
import org.kurento.client.KurentoClient;
import org.kurento.client.ListenerSubscription;
import org.kurento.client.MediaElement;
import org.kurento.client.MediaFlowOutStateChangedEvent;
import org.kurento.client.MediaFlowState;
import org.kurento.client.MediaObject;
import org.kurento.client.MediaPipeline;
import org.kurento.client.MediaType;
import org.kurento.client.WebRtcEndpoint;

/**
 * One room's media on Kurento (see the package comment for the shape). Created empty: the pipeline and its Composite
 * are made on the first publish, on the KMS the server picks.
 *
 * <p>Critical path of a publish or subscribe, in KMS round trips (the pipeline and Composite are made when the room
 * is, before anyone publishes): the endpoint (a publisher's HubPort is made beside it); the bitrate caps, the
 * connection from the publisher (for a subscriber) and the event subscriptions, in parallel; processOffer. Three in
 * all. Candidates are gathered after the answer, once the candidate listener is in place.
 *
 * <p>State is guarded by {@code this}; KMS calls are asynchronous and their completions come back on the client's
 * threads. A KMS loss bumps {@link #generation}: whatever completes for an older generation is released, not used.
 */
final class KurentoMediaRoom implements MediaRoom {

    private static final Logger LOG = Logger.getLogger(KurentoMediaRoom.class.getName());

    private record Pipe(KmsNode node, KurentoClient client, MediaPipeline pipeline,
            CompletableFuture<Composite> composite) {
    }

    /** A participant's publisher endpoint, its HubPort in the Composite, and what KMS says flows out of it. */
    private static final class Publisher {
        final WebRtcEndpoint endpoint;
        final CompletableFuture<HubPort> port;
        final boolean audioOnly;
        final Set<MediaType> flowing = EnumSet.noneOf(MediaType.class);
        MediaModality reported;

        Publisher(WebRtcEndpoint endpoint, CompletableFuture<HubPort> port, boolean audioOnly) {
            this.endpoint = endpoint;
            this.port = port;
            this.audioOnly = audioOnly;
        }
    }

    /** A low-bandwidth viewer's endpoint and the outgoing HubPort that feeds it the mixed grid. */
    private record Grid(WebRtcEndpoint endpoint, HubPort port) {
    }

    private final String roomId;
    private final MediaRoomListener listener;
    private final KurentoMediaServer server;
    private final BitrateCaps caps;

    private CompletableFuture<Pipe> pipe;
    private KmsNode pipeNode;
    private long generation;
    private boolean released;
    private boolean interrupted;
    private final Map<String, Publisher> publishers = new HashMap<>();
    private final Map<MediaEndpointRef, WebRtcEndpoint> subscribers = new HashMap<>();
    private final Map<String, Grid> grids = new HashMap<>();
    private final Set<String> audioOnlyParticipants = new HashSet<>();

    KurentoMediaRoom(String roomId, MediaRoomListener listener, KurentoMediaServer server, BitrateCaps caps) {
        this.roomId = Objects.requireNonNull(roomId, "roomId");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.server = Objects.requireNonNull(server, "server");
        this.caps = Objects.requireNonNull(caps, "caps");
    }

    /** Starts making the pipeline at once, so that the first publish does not wait for it. */
    void prepare() {
        pipe().exceptionally(failure -> logged("making a pipeline", failure));
    }

    @Override
    public String roomId() {
        return roomId;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The pipeline

    /** The room's pipeline, made once per generation on the KMS with the fewest elements in use. */
    private synchronized CompletableFuture<Pipe> pipe() {
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
            CompletableFuture<Composite> composite = node.gate().call(new Composite.Builder(pipeline)::buildAsync);
            composite.thenRun(() -> node.created(1));
            Pipe made = new Pipe(node, client, pipeline, composite);
            synchronized (this) {
                if (released || gen != generation) {
                    releaseQuietly(pipeline, node, 0);
                    throw new IllegalStateException("the media room was released or lost meanwhile");
                }
            }
            return made;
        });
        return pipe;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Publishing and subscribing

    @Override
    public CompletionStage<SdpAnswer> publish(String participantId, SdpOffer offer, MediaModality modality) {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(offer, "offer");
        boolean audioOnly = modality == MediaModality.AUDIO_ONLY;
        return pipe().thenCompose(p -> {
            long gen = currentGeneration();
            CompletableFuture<HubPort> port = p.composite().thenCompose(c -> p.node().gate().call(new HubPort.Builder(c)::buildAsync))
                    .thenApply(hp -> counted(p, hp));
            return p.node().gate().call(new WebRtcEndpoint.Builder(p.pipeline())::buildAsync).thenCompose(endpoint -> {
                counted(p, endpoint);
                Publisher publisher = new Publisher(endpoint, port, audioOnly);
                Publisher replaced;
                List<Map.Entry<MediaEndpointRef, WebRtcEndpoint>> viewers;
                synchronized (this) {
                    if (released || gen != generation) {
                        releaseQuietly(endpoint, p.node(), 1);
                        port.thenAccept(hp -> releaseQuietly(hp, p.node(), 1));
                        return CompletableFuture.failedFuture(new IllegalStateException("media room gone"));
                    }
                    replaced = publishers.put(participantId, publisher);
                    if (audioOnly) {
                        audioOnlyParticipants.add(participantId);
                    } else {
                        audioOnlyParticipants.remove(participantId);
                    }
                    viewers = subscribers.entrySet().stream()
                            .filter(e -> e.getKey().publisherId().equals(participantId)).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
                }
                CompletableFuture<?> ice = listenForCandidates(p.node().gate(), endpoint, MediaEndpointRef.publisher(participantId));
                // An anonymous class, not a lambda: the client reads the event type from the listener's generic type.
                EventListener<MediaFlowOutStateChangedEvent> onFlow = new EventListener<>() {
                    @Override
                    public void onEvent(MediaFlowOutStateChangedEvent event) {
                        flowChanged(participantId, publisher, event);
                    }
                };
                CompletableFuture<?> flow = p.node().gate().<ListenerSubscription>call(
                        k -> endpoint.addMediaFlowOutStateChangedListener(onFlow, k));
                CompletableFuture<Void> capped = capped(p.node().gate(), endpoint, endpoint::setMaxVideoRecvBandwidth,
                        caps.publisherInKbps());
                List<CompletableFuture<Void>> before = List.of(capped);
                CompletableFuture<String> answer = processOfferAfter(p.node().gate(), endpoint, offer, before);
                // After the answer, off the critical path (and out of the gate's way): a new publisher endpoint
                // feeds the viewers of the one it replaces.
                answer.thenRun(() -> {
                    for (Map.Entry<MediaEndpointRef, WebRtcEndpoint> viewer : viewers) {
                        connect(p.node().gate(), endpoint, viewer.getValue(), audioOnly || isAudioOnly(
                                viewer.getKey().ownerId())).exceptionally(failure -> logged("reconnecting a viewer",
                                failure));
                    }
                });
                // Off the critical path: the publisher always feeds its HubPort, so that KMS reports its flow.
                port.thenCompose(hp -> connect(p.node().gate(), endpoint, hp, audioOnly))
                        .exceptionally(failure -> logged("feeding the composite", failure));
                gatherAfter(p.node().gate(), endpoint, answer, ice, flow);
                if (replaced != null) {
                    // The endpoint it replaces goes after the answer, out of the critical path.
                    answer.whenComplete((ok, failure) -> release(replaced, p.node()));
                }
                return answer.thenApply(SdpAnswer::new);
            });
        });
    }

    @Override
    public CompletionStage<SdpAnswer> subscribe(String subscriberId, String publisherId, SdpOffer offer) {
        MediaEndpointRef ref = MediaEndpointRef.subscriber(subscriberId, publisherId);
        Objects.requireNonNull(offer, "offer");
        return pipe().thenCompose(p -> {
            long gen = currentGeneration();
            Publisher publisher;
            synchronized (this) {
                publisher = publishers.get(publisherId);
            }
            if (publisher == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("that participant is not publishing"));
            }
            return p.node().gate().call(new WebRtcEndpoint.Builder(p.pipeline()).recvonly()::buildAsync).thenCompose(endpoint -> {
                counted(p, endpoint);
                WebRtcEndpoint replaced;
                boolean audioOnly;
                synchronized (this) {
                    if (released || gen != generation) {
                        releaseQuietly(endpoint, p.node(), 1);
                        return CompletableFuture.failedFuture(new IllegalStateException("media room gone"));
                    }
                    replaced = subscribers.put(ref, endpoint);
                    audioOnly = publisher.audioOnly || audioOnlyParticipants.contains(subscriberId);
                }
                CompletableFuture<?> ice = listenForCandidates(p.node().gate(), endpoint, ref);
                CompletableFuture<Void> capped = capped(p.node().gate(), endpoint, endpoint::setMaxVideoSendBandwidth,
                        caps.subscriberOutKbps());
                CompletableFuture<String> answer = processOfferAfter(p.node().gate(), endpoint, offer,
                        List.of(capped, connect(p.node().gate(), publisher.endpoint, endpoint, audioOnly)));
                gatherAfter(p.node().gate(), endpoint, answer, ice, CompletableFuture.completedFuture(null));
                if (replaced != null) {
                    releaseQuietly(replaced, p.node(), 1);
                }
                return answer.thenApply(SdpAnswer::new);
            });
        });
    }

    /**
     * Low-bandwidth mode: the participant receives one mixed grid of every publisher from the Composite, through an
     * outgoing HubPort into an endpoint of its own, instead of one stream per publisher.
     */
    @Override
    public CompletionStage<SdpAnswer> subscribeGrid(String subscriberId, SdpOffer offer) {
        MediaEndpointRef ref = MediaEndpointRef.grid(subscriberId);
        Objects.requireNonNull(offer, "offer");
        return pipe().thenCompose(p -> {
            long gen = currentGeneration();
            CompletableFuture<HubPort> port = p.composite().thenCompose(c -> p.node().gate().call(new HubPort.Builder(c)::buildAsync))
                    .thenApply(hp -> counted(p, hp));
            return p.node().gate().call(new WebRtcEndpoint.Builder(p.pipeline()).recvonly()::buildAsync).thenCombine(port, Grid::new)
                    .thenCompose(grid -> {
                        counted(p, grid.endpoint());
                        Grid replaced;
                        boolean audioOnly;
                        synchronized (this) {
                            if (released || gen != generation) {
                                releaseQuietly(grid.endpoint(), p.node(), 1);
                                releaseQuietly(grid.port(), p.node(), 1);
                                return CompletableFuture.failedFuture(new IllegalStateException("media room gone"));
                            }
                            replaced = grids.put(subscriberId, grid);
                            audioOnly = audioOnlyParticipants.contains(subscriberId);
                        }
                        CompletableFuture<?> ice = listenForCandidates(p.node().gate(), grid.endpoint(), ref);
                        WebRtcEndpoint viewer = grid.endpoint();
                        CompletableFuture<Void> capped = capped(p.node().gate(), viewer, viewer::setMaxVideoSendBandwidth,
                                caps.gridOutKbps());
                        CompletableFuture<String> answer = processOfferAfter(p.node().gate(), viewer, offer,
                                List.of(capped, connect(p.node().gate(), grid.port(), viewer, audioOnly)));
                        gatherAfter(p.node().gate(), viewer, answer, ice, CompletableFuture.completedFuture(null));
                        if (replaced != null) {
                            releaseGrid(replaced, p.node());
                        }
                        return answer.thenApply(SdpAnswer::new);
                    });
        });
    }

    /** A setter taking a value and a continuation, such as {@code setMaxVideoSendBandwidth}. */
    private interface IntSetter {
        void set(int value, Continuation<Void> done);
    }

    /**
     * Applies a bandwidth cap and the encoder ceiling, in parallel with the event subscriptions, before the offer is
     * processed (the caps shape the answer).
     */
    private CompletableFuture<Void> capped(KmsCallGate gate, WebRtcEndpoint endpoint, IntSetter cap, int kbps) {
        CompletableFuture<Void> bandwidth = gate.call(k -> cap.set(kbps, k));
        CompletableFuture<Void> encoder = gate.call(
                k -> endpoint.setMaxEncoderBitrate(Math.min(kbps, caps.encoderKbps()) * 1000, k));
        return CompletableFuture.allOf(bandwidth, encoder);
    }

    private static CompletableFuture<Void> connect(KmsCallGate gate, MediaElement source, MediaElement sink,
            boolean audioOnly) {
        return audioOnly ? gate.<Void>call(k -> source.connect(sink, MediaType.AUDIO, k))
                : gate.<Void>call(k -> source.connect(sink, k));
    }

    /**
     * Processes the offer once the caps (which shape the answer) and connections are in place. Not a Kurento
     * transaction: the 7.3 client re-sends a failed transaction without end, so one bad offer would loop.
     */
    private static CompletableFuture<String> processOfferAfter(KmsCallGate gate, WebRtcEndpoint endpoint,
            SdpOffer offer, List<CompletableFuture<Void>> before) {
        return CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                .thenCompose(ignored -> gate.<String>call(offerBytes(offer),
                        k -> endpoint.processOffer(offer.sdp(), k)));
    }

    /** An offer's weight on the wire: its SDP with line ends escaped in JSON, and the envelope. */
    private static int offerBytes(SdpOffer offer) {
        String sdp = offer.sdp();
        return sdp.length() + 2 * (int) sdp.chars().filter(c -> c == '\r' || c == '\n' || c == '"').count()
                + KmsCallGate.SMALL_CALL_BYTES;
    }

    /** Gathering starts once the answer is out and the listeners are subscribed, so no candidate is missed. */
    private void gatherAfter(KmsCallGate gate, WebRtcEndpoint endpoint, CompletableFuture<?> committed,
            CompletableFuture<?> ice,
            CompletableFuture<?> flow) {
        CompletableFuture.allOf(committed, ice, flow)
                .thenCompose(ignored -> gate.<Void>call(endpoint::gatherCandidates))
                .exceptionally(failure -> logged("gathering candidates", failure));
    }

    private CompletableFuture<?> listenForCandidates(KmsCallGate gate, WebRtcEndpoint endpoint,
            MediaEndpointRef ref) {
        EventListener<IceCandidateFoundEvent> onCandidate = new EventListener<>() {
            @Override
            public void onEvent(IceCandidateFoundEvent event) {
                if (isCurrent(ref, endpoint)) {
                    org.kurento.client.IceCandidate c = event.getCandidate();
                    listener.iceCandidateFound(ref, new IceCandidate(c.getCandidate(), c.getSdpMid(),
                            Math.max(0, c.getSdpMLineIndex())));
                }
            }
        };
        return gate.<ListenerSubscription>call(k -> endpoint.addIceCandidateFoundListener(onCandidate, k));
    }

    private synchronized boolean isCurrent(MediaEndpointRef ref, WebRtcEndpoint endpoint) {
        if (ref.isPublisher()) {
            Publisher p = publishers.get(ref.ownerId());
            return p != null && p.endpoint == endpoint;
        }
        if (ref.isGrid()) {
            Grid g = grids.get(ref.ownerId());
            return g != null && g.endpoint() == endpoint;
        }
        return subscribers.get(ref) == endpoint;
    }

    /**
     * What flows out of a publisher towards the pipeline is what the server receives from the participant. Video
     * without audio still counts as AUDIO_VIDEO: the ledger records being seen, and a muted microphone is not absence.
     */
    private void flowChanged(String participantId, Publisher publisher, MediaFlowOutStateChangedEvent event) {
        MediaModality modality;
        synchronized (this) {
            if (publishers.get(participantId) != publisher) {
                return;
            }
            if (event.getState() == MediaFlowState.FLOWING) {
                publisher.flowing.add(event.getMediaType());
            } else {
                publisher.flowing.remove(event.getMediaType());
            }
            modality = publisher.flowing.contains(MediaType.VIDEO) ? MediaModality.AUDIO_VIDEO
                    : publisher.flowing.contains(MediaType.AUDIO) ? MediaModality.AUDIO_ONLY : MediaModality.NONE;
            if (modality == publisher.reported) {
                return;
            }
            publisher.reported = modality;
        }
        listener.mediaFlowChanged(participantId, modality);
    }

    @Override
    public CompletionStage<Void> addIceCandidate(MediaEndpointRef endpoint, IceCandidate candidate) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(candidate, "candidate");
        WebRtcEndpoint target;
        KmsNode node;
        synchronized (this) {
            node = pipeNode;
            if (endpoint.isPublisher()) {
                Publisher p = publishers.get(endpoint.ownerId());
                target = p == null ? null : p.endpoint;
            } else if (endpoint.isGrid()) {
                Grid g = grids.get(endpoint.ownerId());
                target = g == null ? null : g.endpoint();
            } else {
                target = subscribers.get(endpoint);
            }
        }
        if (target == null || node == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no such endpoint"));
        }
        org.kurento.client.IceCandidate kc = new org.kurento.client.IceCandidate(candidate.candidate(),
                candidate.sdpMid() == null ? "" : candidate.sdpMid(), candidate.sdpMLineIndex());
        return node.gate().<Void>call(k -> target.addIceCandidate(kc, k));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Release

    @Override
    public CompletionStage<Void> unsubscribe(String subscriberId, String publisherId) {
        WebRtcEndpoint endpoint;
        KmsNode node;
        synchronized (this) {
            endpoint = subscribers.remove(MediaEndpointRef.subscriber(subscriberId, publisherId));
            node = pipeNode;
        }
        return endpoint == null ? CompletableFuture.completedFuture(null) : releaseQuietly(endpoint, node, 1);
    }

    @Override
    public CompletionStage<Void> removeParticipant(String participantId) {
        List<CompletableFuture<Void>> first = new ArrayList<>();
        Publisher publisher;
        Grid grid;
        KmsNode node;
        synchronized (this) {
            node = pipeNode;
            List<MediaEndpointRef> refs = subscribers.keySet().stream().filter(r -> r.involves(participantId))
                    .toList();
            for (MediaEndpointRef ref : refs) {
                first.add(releaseQuietly(subscribers.remove(ref), node, 1));
            }
            grid = grids.remove(participantId);
            publisher = publishers.remove(participantId);
            audioOnlyParticipants.remove(participantId);
        }
        if (grid != null) {
            first.add(releaseGrid(grid, node));
        }
        // Subscribers first: an endpoint never outlives the stream it carries, nor the reverse for long.
        return CompletableFuture.allOf(first.toArray(CompletableFuture[]::new))
                .thenCompose(ignored -> publisher == null ? CompletableFuture.completedFuture(null)
                        : release(publisher, node));
    }

    @Override
    public CompletionStage<Void> release() {
        CompletableFuture<Pipe> made;
        List<CompletableFuture<Void>> first = new ArrayList<>();
        List<Publisher> pubs;
        KmsNode node;
        synchronized (this) {
            if (released) {
                return CompletableFuture.completedFuture(null);
            }
            released = true;
            made = pipe;
            node = pipeNode;
            subscribers.values().forEach(e -> first.add(releaseQuietly(e, node, 1)));
            grids.values().forEach(g -> first.add(releaseGrid(g, node)));
            subscribers.clear();
            grids.clear();
            pubs = List.copyOf(publishers.values());
            publishers.clear();
        }
        server.retired(this);
        if (made == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(first.toArray(CompletableFuture[]::new))
                .thenCompose(ignored -> CompletableFuture.allOf(
                        pubs.stream().map(p -> release(p, node)).toArray(CompletableFuture[]::new)))
                .thenCompose(ignored -> made.handle((p, failure) -> p))
                .thenCompose(p -> {
                    if (p == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    int composite = p.composite().isDone() && !p.composite().isCompletedExceptionally() ? 1 : 0;
                    return releaseQuietly(p.pipeline(), p.node(), 1 + composite);
                });
    }

    private CompletableFuture<Void> release(Publisher publisher, KmsNode node) {
        CompletableFuture<Void> endpoint = releaseQuietly(publisher.endpoint, node, 1);
        CompletableFuture<Void> port = publisher.port.handle((hp, failure) -> hp)
                .thenCompose(hp -> hp == null ? CompletableFuture.completedFuture(null) : releaseQuietly(hp, node, 1));
        return CompletableFuture.allOf(endpoint, port);
    }

    private CompletableFuture<Void> releaseGrid(Grid grid, KmsNode node) {
        return CompletableFuture.allOf(releaseQuietly(grid.endpoint(), node, 1), releaseQuietly(grid.port(), node, 1));
    }

    /** Releases one object; a failure is logged, never thrown: KMS forgets unknown ids and a lost KMS holds none. */
    private static CompletableFuture<Void> releaseQuietly(MediaObject object, KmsNode node, int elements) {
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

    private static <T> T counted(Pipe p, T element) {
        p.node().created(1);
        return element;
    }

    private static <T> T logged(String what, Throwable failure) {
        LOG.log(Level.WARNING, "MEND-MEDIA " + what + " failed: " + failure.getClass().getSimpleName());
        LOG.log(Level.FINE, "MEND-MEDIA " + what + " failed", failure);
        return null;
    }

    private synchronized boolean isAudioOnly(String participantId) {
        return audioOnlyParticipants.contains(participantId);
    }

    private synchronized long currentGeneration() {
        return generation;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Loss and recovery

    /** The KMS that held this room's pipeline is gone: forget every object (they died with it), tell the room. */
    void mediaServerLost(KmsNode node) {
        synchronized (this) {
            if (released || pipeNode != node || pipe == null) {
                return;
            }
            generation++;
            pipe = null;
            pipeNode = null;
            publishers.clear();
            subscribers.clear();
            grids.clear();
            interrupted = true;
        }
        listener.mediaInterrupted();
    }

    /**
     * Some KMS answers: an interrupted room asks its clients to negotiate again. Nothing is built here: the first
     * publish or subscribe makes the pipeline, so a room nobody uses any more costs the new KMS nothing.
     */
    void mediaServerAvailable() {
        synchronized (this) {
            if (released || !interrupted) {
                return;
            }
            interrupted = false;
        }
        listener.mediaRestored();
    }

    @Override
    public String toString() {
        return "KurentoMediaRoom[" + roomId + "]";
    }
}
