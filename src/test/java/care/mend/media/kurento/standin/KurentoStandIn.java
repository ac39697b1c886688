package care.mend.media.kurento.standin;

import care.mend.media.kurento.standin.StandInObject.Kind;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A stand-in for Kurento Media Server 7.3 that speaks its JSON-RPC 2.0 protocol over WebSocket, for tests that run
 * the real Kurento Java client. It answers as the recorded transcripts show (see {@code shared/kurento-protocol}),
 * models MediaPipeline, WebRtcEndpoint, Composite and HubPort, and lets a test:
 * <ul>
 * <li>count calls and see how many round trips deep each one was ({@link #calls()}, {@link Call#round()});</li>
 * <li>delay every answer ({@link #latency(Duration)}) and fail chosen calls ({@link #failWhen(Predicate)});</li>
 * <li>go down and come back as a restarted server: connections drop (1006), and while it is down the port
 * refuses TCP, or accepts every WebSocket and drops it at once, or answers every handshake HTTP 502 (what stands in
 * front of a dead KMS: {@link Down}); after {@link #restart()} sessions and object ids are new ({@link #stop(Down)},
 * {@link #restart()});</li>
 * <li>see every live object ({@link #liveObjects()}) and drive media from "browsers" ({@link #browserSends}).</li>
 * </ul>
 * Every answer and event leaves on one scheduler thread in order, after the configured latency.
 */
public final class KurentoStandIn implements AutoCloseable {

    /**
     * One request as received.
     *
     * @param method    the JSON-RPC method
     * @param detail    {@code create}: the type; {@code invoke}: the operation; {@code subscribe}: the event type
     * @param object    the target object id, if any
     * @param round     how many answers deep: 1 + the deepest round of any answer the connection had received when
     *                  this request arrived (pings and ServerManager calls neither have nor add depth)
     * @param failed    whether it was answered with an error
     */
    public record Call(String method, String detail, String object, int round, boolean failed) {
    }

    /** What answers on the KMS port while KMS is down. */
    public enum Down {
        /** Nothing: the port refuses TCP, as a dead KMS connected directly. */
        REFUSE,
        /** Something accepts each WebSocket and drops it at once (1006): a proxy whose upstream is dead. */
        ACCEPT_THEN_DROP,
        /** Something answers each handshake {@code HTTP 502 Bad Gateway}: a load balancer or ingress. */
        HTTP_502
    }

    private final boolean autoMedia;
    private final int port;
    private volatile KmsModel model;
    private volatile Transport transport;
    /** What answers while down ({@link Down#ACCEPT_THEN_DROP}, {@link Down#HTTP_502}); null when up or refusing. */
    private volatile AutoCloseable whileDown;
    private final java.util.concurrent.atomic.AtomicInteger handshakes = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile int epoch;
    private volatile Duration notFlowingDelay = Duration.ofSeconds(3);
    private volatile Predicate<Call> failure = call -> false;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
    private final ScheduledExecutorService outbound = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kms-standin-out");
        t.setDaemon(true);
        return t;
    });

    private KurentoStandIn(int port, boolean autoMedia) {
        this.autoMedia = autoMedia;
        this.model = new KmsModel(autoMedia);
        this.transport = new Transport(new InetSocketAddress("127.0.0.1", port), true);
        this.transport.begin();
        this.port = transport.boundPort;
    }

    /**
     * Starts on a free port. With {@code autoMedia}, a browser whose offer was answered sends at once what its offer
     * says it sends (so flow events come without a test driving them).
     */
    public static KurentoStandIn start(boolean autoMedia) {
        return new KurentoStandIn(0, autoMedia);
    }

    public String uri() {
        return "ws://127.0.0.1:" + port + "/kurento";
    }

    public int port() {
        return port;
    }

    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** Answers every call the predicate picks with an error (40999) instead of doing it. */
    public void failWhen(Predicate<Call> failure) {
        this.failure = failure;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Forgets the calls so far and starts counting rounds from zero; answers still in flight add no depth. */
    public void clearCalls() {
        epoch++;
        calls.clear();
        Transport t = transport;
        t.peers.values().forEach(p -> p.depth = 0);
    }

    /**
     * Waits until no call has come for {@code quiet}. Rounds are counted per connection, so work still under way
     * (candidates, listeners of earlier negotiations) would add depth to the calls one means to measure.
     */
    public void awaitQuiet(Duration quiet, Duration ceiling) throws InterruptedException {
        long deadline = System.nanoTime() + ceiling.toNanos();
        long before = received.get();
        while (System.nanoTime() < deadline) {
            Thread.sleep(quiet.toMillis());
            long now = received.get();
            if (now == before) {
                return;
            }
            before = now;
        }
        throw new AssertionError("the media server was still being called after " + ceiling);
    }

    public List<StandInObject.View> liveObjects() {
        return model.liveObjects();
    }

    public int subscriptionCount() {
        return model.subscriptionCount();
    }

    /** Open connections to the running KMS (none while it is down). */
    public int connectionCount() {
        return whileDown != null ? 0 : transport.getConnections().size();
    }

    /**
     * WebSocket handshakes (or, in {@link Down#HTTP_502}, HTTP requests) received since the stand-in started, up or
     * down: a client that goes on reconnecting by itself shows here.
     */
    public int handshakes() {
        return handshakes.get();
    }

    /**
     * The browser of a WebRtcEndpoint starts or stops sending audio or video. A stop is noticed after
     * {@link #notFlowingDelay(Duration)}, as KMS reports NOT_FLOWING some 2.5 to 3.5 s after a track stops.
     */
    public void browserSends(String endpointId, Kind kind, boolean sending) {
        KmsModel current = model;
        Runnable change = () -> deliver(current.browserSends(endpointId, kind, sending), 0);
        long delay = sending ? 0 : notFlowingDelay.toMillis();
        outbound.schedule(change, delay, TimeUnit.MILLISECONDS);
    }

    /** How long after a browser stops sending the stand-in reports NOT_FLOWING (3 s unless changed). */
    public void notFlowingDelay(Duration delay) {
        this.notFlowingDelay = delay;
    }

    /** KMS dies: every connection drops without a close frame, the port refuses connections. */
    public void stop() {
        stop(Down.REFUSE);
    }

    /**
     * KMS dies: every connection drops without a close frame (1006), and until {@link #restart()} the port answers
     * as {@code down} says.
     */
    public synchronized void stop(Down down) {
        Transport t = transport;
        for (WebSocket socket : t.getConnections()) {
            socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "");
        }
        try {
            t.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeWhileDown();
        switch (down) {
            case REFUSE -> whileDown = null;
            case ACCEPT_THEN_DROP -> {
                Transport dropping = new Transport(new InetSocketAddress("127.0.0.1", port), false);
                dropping.begin();
                whileDown = () -> dropping.stop(1000);
            }
            case HTTP_502 -> whileDown = new BadGateway(port, handshakes);
        }
    }

    /** KMS comes back on the same port as a new process: no sessions, no objects. */
    public synchronized void restart() {
        closeWhileDown();
        model = new KmsModel(autoMedia);
        Transport t = new Transport(new InetSocketAddress("127.0.0.1", port), true);
        t.begin();
        transport = t;
    }

    private void closeWhileDown() {
        AutoCloseable previous = whileDown;
        whileDown = null;
        if (previous != null) {
            try {
                previous.close();
            } catch (Exception e) {
                throw new IllegalStateException("the stand-in's down mode did not stop", e);
            }
        }
    }

    @Override
    public void close() {
        stop();
        outbound.shutdownNow();
    }

    private void deliver(List<KmsModel.Outgoing> frames, int round) {
        long delay = latency.toMillis();
        int sentIn = epoch;
        Runnable send = () -> {
            for (KmsModel.Outgoing o : frames) {
                PeerState peer = (PeerState) o.peer();
                if (o.frame().has("id") && sentIn == epoch) {
                    peer.depth = Math.max(peer.depth, round);
                }
                if (peer.socket.isOpen()) {
                    peer.socket.send(o.frame().toString());
                }
            }
        };
        if (delay <= 0) {
            outbound.execute(send);
        } else {
            outbound.schedule(send, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** The connection's state: its session, and the deepest round among answers it has been sent. */
    private static final class PeerState implements KmsModel.Peer {
        final WebSocket socket;
        volatile String session;
        volatile int depth;

        PeerState(WebSocket socket) {
            this.socket = socket;
        }

        @Override
        public String session() {
            return session;
        }

        @Override
        public void session(String sessionId) {
            this.session = sessionId;
        }
    }

    /**
     * The WebSocket server on the KMS port. A live one is the running KMS; one that is not live stands for a proxy in
     * front of a dead KMS: it completes each handshake and drops the connection at once, without a close frame.
     */
    private final class Transport extends WebSocketServer {
        final Map<WebSocket, PeerState> peers = new ConcurrentHashMap<>();
        private final CountDownLatch started = new CountDownLatch(1);
        private final boolean live;
        private volatile Exception failedToStart;
        volatile int boundPort;

        Transport(InetSocketAddress address, boolean live) {
            super(address, 1);
            this.live = live;
            setReuseAddr(true);
            setDaemon(true);
            // KMS sends no WebSocket pings (the client pings with JSON-RPC), and the Kurento client answers none:
            // Java-WebSocket's lost-connection check would drop a healthy client.
            setConnectionLostTimeout(0);
        }

        void begin() {
            start();
            try {
                if (!started.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the stand-in did not start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failedToStart != null) {
                throw new IllegalStateException("the stand-in could not listen", failedToStart);
            }
            boundPort = getPort();
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            handshakes.incrementAndGet();
            if (!live) {
                // After the 101 has left (it is still queued here): the client sees an open socket drop, not a
                // failed handshake.
                outbound.schedule(() -> socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, ""), 100,
                        TimeUnit.MILLISECONDS);
                return;
            }
            peers.put(socket, new PeerState(socket));
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            peers.remove(socket);
            if (!remote && code != CloseFrame.ABNORMAL_CLOSE && code != CloseFrame.GOING_AWAY) {
                System.err.println("KMS stand-in closed a connection: " + code + " " + reason);
            }
        }

        @Override
        public void onError(WebSocket socket, Exception e) {
            if (socket == null) {
                failedToStart = e;
                started.countDown();
            } else if (live) {
                System.err.println("KMS stand-in connection error: " + e);
            }
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            try {
                answer(socket, text);
            } catch (RuntimeException e) {
                // A stand-in bug must show, not pass for a dropped connection.
                System.err.println("KMS stand-in failed on a request: " + e);
                e.printStackTrace();
                throw e;
            }
        }

        private void answer(WebSocket socket, String text) {
            PeerState peer = peers.get(socket);
            if (peer == null) {
                return;
            }
            JsonObject request;
            try {
                JsonElement parsed = JsonParser.parseString(text);
                if (!parsed.isJsonObject()) {
                    throw new JsonSyntaxException("not an object");
                }
                request = parsed.getAsJsonObject();
            } catch (RuntimeException e) {
                // KMS drops the connection on a frame it cannot parse (transcript 05).
                socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "");
                return;
            }
            if (request.has("params") && !request.get("params").isJsonObject() && !request.get("params").isJsonNull()) {
                socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "");
                return;
            }
            if (!request.has("jsonrpc") || !request.has("method")) {
                deliver(List.of(new KmsModel.Outgoing(peer, KmsModel.error(null,
                        new KmsError(-32600, null, "Invalid JSON-RPC request.")))), 0);
                return;
            }
            String method = request.get("method").getAsString();
            JsonObject params = request.has("params") && request.get("params").isJsonObject()
                    ? request.getAsJsonObject("params") : new JsonObject();
            String detail = switch (method) {
                case "create", "subscribe" -> params.has("type") ? params.get("type").getAsString() : null;
                case "invoke" -> params.has("operation") ? params.get("operation").getAsString() : null;
                default -> null;
            };
            String object = params.has("object") ? params.get("object").getAsString() : null;
            boolean counts = !method.equals("ping") && !KmsModel.SERVER_MANAGER.equals(object);
            int round = counts ? peer.depth + 1 : 0;
            Call call = new Call(method, detail, object, round, false);
            List<KmsModel.Outgoing> frames;
            boolean failed = false;
            if (!request.has("id")) {
                // KMS answers a notification anyway, with an error that carries what it would have said.
                List<KmsModel.Outgoing> answer = model.handle(peer, withId(request));
                JsonObject error = KmsModel.error(null, new KmsError(-32000, null,
                        "Ignoring response because of a notification request"));
                error.getAsJsonObject("error").remove("data");
                JsonElement result = answer.get(0).frame().get("result");
                if (result != null) {
                    error.getAsJsonObject("error").add("data", result);
                }
                frames = List.of(new KmsModel.Outgoing(peer, error));
            } else if (counts && failure.test(call)) {
                failed = true;
                frames = List.of(new KmsModel.Outgoing(peer, KmsModel.error(request.get("id"), KmsError.injected())));
            } else {
                frames = model.handle(peer, request);
                failed = frames.get(0).frame().has("error");
            }
            calls.add(new Call(method, detail, object, round, failed));
            if (counts) {
                received.incrementAndGet();
            }
            deliver(new ArrayList<>(frames), round);
        }

        private JsonObject withId(JsonObject request) {
            JsonObject copy = request.deepCopy();
            copy.addProperty("id", -1);
            return copy;
        }
    }

    /** Live objects of one type. */
    public List<StandInObject.View> liveObjects(String type) {
        return Collections.unmodifiableList(liveObjects().stream().filter(o -> o.type().equals(type)).toList());
    }
}
