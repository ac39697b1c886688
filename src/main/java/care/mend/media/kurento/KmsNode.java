package care.mend.media.kurento;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kurento.client.KurentoClient;
import org.kurento.client.KurentoConnectionListener;

/**
 * One configured Kurento Media Server: its client, whether it answers, and how many media elements Mend has placed
 * on it. The client is made lazily and kept: it reconnects by itself after a drop. Whether the server is really
 * there is decided by {@link #probe}, a real call, because {@code KurentoClient.create} may succeed against a port
 * that is no KMS.
 *
 * <p>A change of the client's session means the server restarted and every object Mend made there is gone; the
 * probe reports that as a loss too.
 */
final class KmsNode {

    private static final Logger LOG = Logger.getLogger(KmsNode.class.getName());

    enum State { UNKNOWN, UP, DOWN }

    private final int index;
    private final URI uri;
    private final Duration callTimeout;
    private final AtomicInteger elements = new AtomicInteger();
    private final int inFlightBytes;
    private volatile KmsCallGate gate;
    private final Consumer<KmsNode> onLost;
    private volatile KurentoClient client;
    private volatile State state = State.UNKNOWN;
    private volatile String session;

    KmsNode(int index, URI uri, Duration callTimeout, int inFlightBytes, Consumer<KmsNode> onLost) {
        this.index = index;
        this.inFlightBytes = inFlightBytes;
        this.gate = new KmsCallGate(inFlightBytes, KmsCallGate.ANSWER_TIMEOUT);
        this.uri = Objects.requireNonNull(uri, "uri");
        this.callTimeout = callTimeout;
        this.onLost = onLost;
    }

    int index() {
        return index;
    }

    State state() {
        return state;
    }

    boolean isUp() {
        return state == State.UP && client != null;
    }

    KurentoClient client() {
        KurentoClient c = client;
        if (c == null || state != State.UP) {
            throw new IllegalStateException("media server kms-" + index + " is not reachable");
        }
        return c;
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

    /**
     * Checks the server with a real call (ServerManager.getInfo), making the client first if there is none. Blocks
     * for at most the call timeout; runs on the media server's own probe thread, never a request's.
     */
    void probe() {
        try {
            KurentoClient c = client;
            if (c == null) {
                Listener listener = new Listener();
                c = KurentoClient.create(uri.toString(), listener);
                listener.owner = c;
                client = c;
            }
            KurentoClient probed = c;
            KurentoCalls.<org.kurento.client.ServerInfo>call(k -> probed.getServerManager().getInfo(k))
                    .get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
            String current = probed.getSessionId();
            String before = session;
            session = current;
            if (before != null && current != null && !before.equals(current) && state == State.UP) {
                // Restarted between two probes: same address, nothing of ours left on it.
                lost("the media server restarted");
            }
            markUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.FINE, "MEND-MEDIA probe failed", e);
            if (state == State.UNKNOWN) {
                state = State.DOWN;
                LOG.warning(() -> "MEND-MEDIA media server kms-" + index + " is not reachable");
            }
            lost("the media server does not answer");
        }
    }

    private synchronized void markUp() {
        if (state != State.UP) {
            LOG.info(() -> "MEND-MEDIA media server kms-" + index + " is reachable");
        }
        state = State.UP;
    }

    private synchronized void lost(String why) {
        if (state == State.DOWN) {
            return;
        }
        state = State.DOWN;
        elements.set(0);
        // A fresh client at the next probe: the old one would retry its lost session with long back-offs (and its
        // objects are gone anyway). Destroying it may block, and this may be its own thread: do it aside.
        KurentoClient old = client;
        client = null;
        session = null;
        // Calls held by the lost connection must not keep the next one's places.
        KmsCallGate closing = gate;
        gate = new KmsCallGate(inFlightBytes, KmsCallGate.ANSWER_TIMEOUT);
        closing.close("the media server kms-" + index + " was lost");
        if (old != null) {
            Thread discard = new Thread(() -> destroyQuietly(old), "mend-kms-discard");
            discard.setDaemon(true);
            discard.start();
        }
        LOG.warning(() -> "MEND-MEDIA media on kms-" + index + " was lost: " + why);
        onLost.accept(this);
    }

    /** Closes the client: {@code KurentoClient} is not AutoCloseable; destroy() closes its session and socket. */
    void destroy() {
        KurentoClient c = client;
        client = null;
        if (c != null) {
            destroyQuietly(c);
        }
    }

    private static void destroyQuietly(KurentoClient c) {
        try {
            c.destroy();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "MEND-MEDIA destroying a client failed", e);
        }
    }

    /** The client's own view of its connection: a drop or a reconnection to a restarted server is a loss at once. */
    private final class Listener implements KurentoConnectionListener {
        /** The client this listens to; events of a client already replaced are ignored. */
        volatile KurentoClient owner;

        private boolean current() {
            return owner != null && owner == client;
        }

        @Override
        public void connected() {
            // The probe decides when the server counts as reachable.
        }

        @Override
        public void connectionFailed() {
            if (current() && state == State.UP) {
                lost("the connection failed");
            }
        }

        @Override
        public void disconnected() {
            if (current() && state == State.UP) {
                lost("the connection dropped");
            }
        }

        @Override
        public void reconnected(boolean sameServer) {
            if (current() && !sameServer && state == State.UP) {
                lost("reconnected to a restarted media server");
            }
        }
    }

    @Override
    public String toString() {
        return "kms-" + index;
    }
}
