package care.mend.media.kurento;

import care.mend.media.MediaRoom;
import care.mend.media.MediaRoomListener;
import care.mend.media.MediaServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The media server on one or more Kurento Media Servers. Each KMS is probed with a real call every
 * {@link KurentoSettings#probeInterval()} on this object's own thread; a room's pipeline goes to the reachable KMS
 * with the fewest media elements in use. Thread-safe; never blocks its callers. {@link #close()} releases nothing on
 * KMS (rooms release their own pipelines) but closes the clients.
 */
public final class KurentoMediaServer implements MediaServer, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KurentoMediaServer.class.getName());

    /** One KMS as readiness reports it. */
    public record NodeStatus(String name, boolean reachable, int elementsInUse) {
    }

    private final KurentoSettings settings;
    private final List<KmsNode> nodes = new ArrayList<>();
    private final Set<KurentoMediaRoom> rooms = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService probes;
    /** Destroys the clients nodes let go: a destroy may wait for a dead server, so never on a caller's thread. */
    private final ExecutorService discarder;

    public KurentoMediaServer(KurentoSettings settings, ThreadFactory threads) {
        this(settings, threads, KmsCallObserver.NONE);
    }

    /** @param calls told the duration of every call to a KMS, with the KMS's index in {@code mend.kurento.uris} */
    public KurentoMediaServer(KurentoSettings settings, ThreadFactory threads, KmsCallObserver calls) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.probes = Executors.newSingleThreadScheduledExecutor(threads);
        this.discarder = Executors.newCachedThreadPool(runnable -> {
            Thread thread = threads.newThread(runnable);
            thread.setName("mend-kms-discard");
            thread.setDaemon(true);
            return thread;
        });
        KmsNode.Support support = new KmsNode.Support(discarder, System::nanoTime, calls);
        for (int i = 0; i < settings.uris().size(); i++) {
            nodes.add(new KmsNode(i, settings.uris().get(i), settings.callTimeout(), settings.inFlightBytes(),
                    support, this::lost));
        }
    }

    /** Starts probing: the first round at once, then every probe interval. */
    public void start() {
        long every = settings.probeInterval().toMillis();
        probes.scheduleWithFixedDelay(this::probeAll, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Probes every KMS now (also what the schedule runs); tests call it to avoid waiting for the schedule. While some
     * KMS answers, interrupted rooms are told media is back (they build nothing until someone negotiates).
     */
    public void probeAll() {
        try {
            for (KmsNode node : nodes) {
                node.probe();
            }
            if (nodes.stream().anyMatch(KmsNode::isUp)) {
                rooms.forEach(KurentoMediaRoom::mediaServerAvailable);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MEND-MEDIA probing the media servers failed", e);
        }
    }

    @Override
    public CompletionStage<MediaRoom> createRoom(String roomId, MediaRoomListener listener) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(listener, "listener");
        if (pick().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no media server is reachable"));
        }
        KurentoMediaRoom room = new KurentoMediaRoom(roomId, listener, this, settings.caps());
        rooms.add(room);
        room.prepare();
        return CompletableFuture.completedFuture(room);
    }

    /** The reachable KMS with the fewest media elements in use. */
    Optional<KmsNode> pick() {
        return nodes.stream().filter(KmsNode::isUp).min(Comparator.comparingInt(KmsNode::elementsInUse));
    }

    void retired(KurentoMediaRoom room) {
        rooms.remove(room);
    }

    private void lost(KmsNode node) {
        rooms.forEach(room -> room.mediaServerLost(node));
    }

    /** How many KMS are configured: their indexes are 0 to this, less one, in {@code mend.kurento.uris} order. */
    public int nodeCount() {
        return nodes.size();
    }

    /** Calls sent to the KMS at {@code index} and not answered yet. */
    public int callsInFlight(int index) {
        return nodes.get(index).callsInFlight();
    }

    /** Whether the KMS at {@code index} answers its probes now. */
    public boolean reachable(int index) {
        return nodes.get(index).isUp();
    }

    public List<NodeStatus> status() {
        return nodes.stream().map(n -> new NodeStatus(n.toString(), n.isUp(), n.elementsInUse())).toList();
    }

    @Override
    public void close() {
        probes.shutdownNow();
        nodes.forEach(KmsNode::close);
        discarder.shutdown();
    }
}
