package care.mend.media.kurento;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kurento.client.KurentoClient;
import org.kurento.client.ServerInfo;
import org.kurento.jsonrpc.client.JsonRpcClientNettyWebSocket;
import org.kurento.jsonrpc.client.JsonRpcWSConnectionListener;

/**
 * One configured Kurento Media Server: its one client, whether it answers, and how many media elements Mend has placed
 * on it.
 *
 * <p>Liveness tells slow from dead:
 * <ul>
 * <li>the client's own connection events (dropped, failed, reconnected to a restarted server) make the node lost at
 * once: every object Mend had there is gone;</li>
 * <li>a probe ({@code ServerManager.getInfo}, a real call: {@code KurentoClient} may connect to a port that is no KMS)
 * unanswered within the call timeout on a connection that is still open only counts; {@link #FAILURES_BEFORE_LOST}
 * in a row make the node lost, and an answer resets the count. A busy KMS keeps its rooms' media.</li>
 * </ul>
 *
 * <p>At most one client per KMS is alive. A client is made by the probe, and every client that is let go (on a loss,
 * or when a probe fails while the node is not up) is destroyed, off the calling thread, so that it stops talking to
 * the server. The next probe makes a fresh one, whatever answered meanwhile on the KMS port: a refused TCP connect, a
 * proxy that accepts the WebSocket and drops it, or an HTTP error on the handshake. Clients are made without the
 * Kurento client's reconnect-forever: Mend's probe reconnects, and a session that survived a drop would be no use
 * (the node was declared lost, its rooms renegotiate).
 *
 * <p>Logging ({@link OutageLog}): a KMS that goes down is logged once at WARNING, once at INFO when it is back, and
 * while it stays down every {@link #STILL_DOWN_EVERY}; each probe failure at FINE. One that does not answer the first
 * probe after the start says so once, with what that means for rooms: a local run has no media server by default. Probes run on one thread at a time; connection events
 * come from the client's threads; state is guarded by {@code this}, and nothing is called out while it is held.
 */
final class KmsNode {

    private static final Logger LOG = Logger.getLogger(KmsNode.class.getName());

    /** Consecutive unanswered probes on an open connection that make a node lost: about 15 s at 5 s per probe. */
    static final int FAILURES_BEFORE_LOST = 3;

    /** How often a KMS that stays down is logged again. */
    static final Duration STILL_DOWN_EVERY = Duration.ofMinutes(5);

    /** The Kurento client's own JSON-RPC ping interval (its default, as {@code kurento.client.keepAliveTime}). */
    private static final int KEEPALIVE_MILLIS = 240_000;

    enum State { UNKNOWN, UP, DOWN }

    /** The tools a node uses, one set for all nodes of a media server; {@code calls} times every call. */
    record Support(Executor discarder, LongSupplier nanoTime, KmsCallObserver calls) {
        Support {
            Objects.requireNonNull(discarder, "discarder");
            Objects.requireNonNull(nanoTime, "nanoTime");
            Objects.requireNonNull(calls, "calls");
        }

        Support(Executor discarder, LongSupplier nanoTime) {
            this(discarder, nanoTime, KmsCallObserver.NONE);
        }
    }

    private final int index;
    private final URI uri;
    private final Duration callTimeout;
    private final int failuresBeforeLost;
    private final int inFlightBytes;
    private final Support support;
    private final Consumer<KmsNode> onLost;
    private final AtomicInteger elements = new AtomicInteger();
    /** Probes one at a time: two at once could each make a client. */
    private final Object probing = new Object();

    private volatile KmsCallGate gate;
    private volatile Connection connection;
    private volatile State state = State.UNKNOWN;
    private int failedProbes;
    private String session;
    private final OutageLog outage;
    private boolean closed;

    KmsNode(int index, URI uri, Duration callTimeout, int inFlightBytes, Support support, Consumer<KmsNode> onLost) {
        this(index, uri, callTimeout, FAILURES_BEFORE_LOST, inFlightBytes, support, onLost);
    }

    KmsNode(int index, URI uri, Duration callTimeout, int failuresBeforeLost, int inFlightBytes, Support support,
            Consumer<KmsNode> onLost) {
        if (failuresBeforeLost < 1) {
            throw new IllegalArgumentException("a node is lost after one failed probe at least");
        }
        this.index = index;
        this.uri = Objects.requireNonNull(uri, "uri");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        this.failuresBeforeLost = failuresBeforeLost;
        this.inFlightBytes = inFlightBytes;
        this.support = Objects.requireNonNull(support, "support");
        this.onLost = Objects.requireNonNull(onLost, "onLost");
        this.outage = new OutageLog(STILL_DOWN_EVERY, support.nanoTime());
        this.gate = newGate();
    }

    private KmsCallGate newGate() {
        return new KmsCallGate(inFlightBytes, KmsCallGate.ANSWER_TIMEOUT, support.nanoTime(),
                (nanos, failed) -> support.calls().called(index, nanos, failed));
    }

    /** Calls sent to this KMS and not answered yet (on the current connection). */
    int callsInFlight() {
        return gate.inFlight();
    }

    int index() {
        return index;
    }

    State state() {
        return state;
    }

    boolean isUp() {
        return state == State.UP && connection != null;
    }

    KurentoClient client() {
        Connection c = connection;
        if (c == null || state != State.UP) {
            throw new IllegalStateException("media server kms-" + index + " is not reachable");
        }
        return c.client;
    }

    /** Every call for objects on this KMS goes through here (see {@link KmsCallGate}); a new gate per connection. */
    KmsCallGate gate() {
        return gate;
    }

    int elementsInUse() {
        return elements.get();
    }

    void created(int count) {
        elements.addAndGet(count);
    }

    void released(int count) {
        elements.updateAndGet(n -> Math.max(0, n - count));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Probing

    /**
     * Checks the server with a real call, making the client first if there is none. Blocks for at most the client's
     * connection timeout and the call timeout; runs on the media server's probe thread, never a request's.
     */
    void probe() {
        synchronized (probing) {
            Connection c = connection;
            if (c == null) {
                c = connect();
                if (c == null) {
                    return;
                }
            }
            Connection probed = c;
            CompletableFuture<ServerInfo> info = KurentoCalls.call(k -> probed.client.getServerManager().getInfo(k));
            try {
                // A connection that drops meanwhile fails the probe at once (a proxy accepted it and let it go).
                CompletableFuture.anyOf(info, probed.dropped).get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (probed.dropped.isDone()) {
                    failed(probed, probed.dropped.getNow("the connection dropped"), false, null);
                } else {
                    answered(probed);
                }
            } catch (TimeoutException e) {
                failed(probed, "no answer within " + callTimeout.toMillis() + " ms", true, null);
            } catch (ExecutionException e) {
                failed(probed, "the probe failed", false, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A fresh client, now the node's only one; null if it could not connect (the failure is counted). */
    private Connection connect() {
        Connection c = new Connection();
        JsonRpcClientNettyWebSocket rpc = new JsonRpcClientNettyWebSocket(uri.toString(), c);
        try {
            rpc.setTryReconnectingForever(false);
            rpc.setSendCloseMessage(true);
            rpc.setLabel("KurentoClient kms-" + index);
            rpc.enableHeartbeat(KEEPALIVE_MILLIS);
            // Sets the client's request and connection timeouts and connects (or throws).
            c.client = KurentoClient.createFromJsonRpcClient(rpc);
        } catch (RuntimeException e) {
            // Its heartbeat and event loop stop with it; it may wait for its own lock, so not on this thread.
            execute(() -> closeQuietly(rpc));
            failed(null, "cannot connect", false, e);
            return null;
        }
        synchronized (this) {
            if (!closed) {
                connection = c;
                return c;
            }
        }
        discard(c);
        return null;
    }

    private void answered(Connection c) {
        boolean restarted = false;
        synchronized (this) {
            if (connection != c) {
                return; // let go meanwhile: its loss is already handled
            }
            failedProbes = 0;
            String current = c.client.getSessionId();
            if (state == State.UP && session != null && current != null && !session.equals(current)) {
                // A new session on the same client: the server restarted, nothing of ours is left on it.
                restarted = lostLocked("the media server restarted");
            } else {
                session = current;
                if (state != State.UP) {
                    state = State.UP;
                    OutageLog.Say say = outage.answered();
                    long downFor = outage.downFor().toSeconds();
                    LOG.info(() -> say == OutageLog.Say.BACK
                            ? "MEND-MEDIA media server kms-" + index + " is reachable again after " + downFor + " s"
                            : "MEND-MEDIA media server kms-" + index + " is reachable");
                }
            }
        }
        if (restarted) {
            onLost.accept(this);
        }
    }

    /**
     * A failed probe: on an open connection of a node that is up, a timeout only counts (slow is not dead); anything
     * else, or too many in a row, is a loss. A node that is not up lets its client go, so that the next probe makes a
     * fresh one.
     */
    private void failed(Connection c, String why, boolean timedOut, Throwable cause) {
        LOG.log(Level.FINE, cause, () -> "MEND-MEDIA a probe of kms-" + index + " failed: " + why);
        boolean lost = false;
        synchronized (this) {
            if (c != null && connection != c) {
                return; // let go meanwhile
            }
            if (state == State.UP) {
                if (timedOut && !c.dropped.isDone() && ++failedProbes < failuresBeforeLost) {
                    LOG.fine(() -> "MEND-MEDIA kms-" + index + " is slow: " + failedProbes + " probe(s) unanswered");
                    return;
                }
                lost = lostLocked(timedOut ? "no answer to " + failedProbes + " probes in a row" : why);
            } else {
                state = State.DOWN;
                switch (outage.failed()) {
                    case NEVER_UP -> LOG.warning(() -> "MEND-MEDIA no media server answers at kms-" + index + " ("
                            + why + "): rooms work without video; see README Media");
                    case STILL_DOWN -> {
                        long minutes = outage.downFor().toMinutes();
                        LOG.warning(() -> "MEND-MEDIA media server kms-" + index + " is still down after " + minutes
                                + " min");
                    }
                    default -> {
                        // Already said.
                    }
                }
                if (c != null) {
                    connection = null;
                    discard(c);
                }
            }
        }
        if (lost) {
            onLost.accept(this);
        }
    }

    /** The client says its connection is gone: a node that was up is lost now; otherwise its probe is failing. */
    private void connectionDropped(Connection c, String why) {
        boolean lost;
        synchronized (this) {
            lost = connection == c && state == State.UP && lostLocked(why);
        }
        if (lost) {
            onLost.accept(this);
        }
    }

    /** Up to down: the client goes, calls waiting for it fail, and the caller tells the rooms (outside the lock). */
    private boolean lostLocked(String why) {
        if (state != State.UP) {
            return false;
        }
        state = State.DOWN;
        failedProbes = 0;
        session = null;
        elements.set(0);
        outage.failed();
        Connection old = connection;
        connection = null;
        discard(old);
        // Calls held by the lost connection must not keep the next one's places.
        KmsCallGate closing = gate;
        gate = newGate();
        closing.close("the media server kms-" + index + " was lost");
        LOG.warning(() -> "MEND-MEDIA media server kms-" + index + " went down (" + why
                + "): media in its rooms is interrupted");
        return true;
    }

    /** Destroys a client that was let go, once, off this thread: its close may wait for a dead server. */
    private void discard(Connection c) {
        if (c != null && c.client != null && c.discarded.compareAndSet(false, true)) {
            execute(() -> destroyQuietly(c.client));
        }
    }

    private void execute(Runnable task) {
        try {
            support.discarder().execute(task);
        } catch (RejectedExecutionException e) {
            Thread aside = new Thread(task, "mend-kms-discard");
            aside.setDaemon(true);
            aside.start();
        }
    }

    /** Closes the node for good: its client is destroyed now; later probes do nothing. */
    void close() {
        Connection c;
        synchronized (this) {
            closed = true;
            c = connection;
            connection = null;
            state = State.DOWN;
            gate.close("the media server kms-" + index + " is closed");
        }
        if (c != null && c.client != null && c.discarded.compareAndSet(false, true)) {
            destroyQuietly(c.client);
        }
    }

    private static void closeQuietly(JsonRpcClientNettyWebSocket rpc) {
        try {
            rpc.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "MEND-MEDIA closing a client that did not connect failed", e);
        }
    }

    /** {@code KurentoClient} is not AutoCloseable: destroy() closes its session and socket. */
    private static void destroyQuietly(KurentoClient c) {
        try {
            c.destroy();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "MEND-MEDIA destroying a client failed", e);
        }
    }

    /** One client and what its connection says about itself. */
    private final class Connection implements JsonRpcWSConnectionListener {
        /** Completes, with why, when the client says the connection is gone. */
        final CompletableFuture<String> dropped = new CompletableFuture<>();
        final AtomicBoolean discarded = new AtomicBoolean();
        volatile KurentoClient client;

        @Override
        public void connected() {
            // The probe decides when the server counts as reachable.
        }

        @Override
        public void connectionFailed() {
            gone("the connection failed");
        }

        @Override
        public void disconnected() {
            gone("the connection dropped");
        }

        @Override
        public void reconnecting() {
            gone("the connection dropped");
        }

        @Override
        public void reconnected(boolean sameServer) {
            if (!sameServer) {
                gone("reconnected to a restarted media server");
            }
        }

        private void gone(String why) {
            dropped.complete(why);
            connectionDropped(this, why);
        }
    }

    @Override
    public String toString() {
        return "kms-" + index;
    }
}
