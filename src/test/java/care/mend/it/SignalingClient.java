package care.mend.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A signaling socket as a test sees it: the JDK's {@link WebSocket} with every text message queued and the close
 * frame as a future. Waits are bounded, so a silent server fails the test instead of hanging the run.
 */
final class SignalingClient implements WebSocket.Listener {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The close frame the server sent. */
    record Closed(int code, String reason) {
    }

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean stalled;

    /** The handshake as a future: it fails with a {@code WebSocketHandshakeException} if the server refuses it. */
    static CompletableFuture<SignalingClient> open(URI uri, String origin, List<String> subprotocols) {
        SignalingClient client = new SignalingClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0),
                    subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        return builder.buildAsync(uri, client).thenApply(socket -> {
            client.socket = socket;
            return client;
        });
    }

    /**
     * A signed-in person's socket to the test server, past its {@code welcome}: a ticket from the REST API, then the
     * handshake from an allowed origin.
     */
    static SignalingClient connect(Api api, String username) throws Exception {
        String port = System.getProperty("mend.it.http.port");
        HttpResult ticket = api.as(username).post("/api/signaling/tickets", "");
        if (ticket.status() != 200) {
            throw new AssertionError("no ticket for " + username + ": " + ticket);
        }
        SignalingClient client = open(URI.create("ws://127.0.0.1:" + port + "/signaling"), "http://127.0.0.1:" + port,
                List.of("mend.v1", "mend.ticket." + ticket.json().getString("ticket")))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        JsonObject welcome = client.next();
        if (!"welcome".equals(welcome.getString("type", null))) {
            throw new AssertionError("no welcome: " + welcome);
        }
        return client;
    }

    /** Joins the session; the {@code joined} reply. */
    JsonObject join(String sessionId, String requestId) throws InterruptedException {
        send("{\"type\":\"join\",\"requestId\":\"%s\",\"sessionId\":\"%s\"}".formatted(requestId, sessionId));
        JsonObject joined = reply(requestId);
        if (!"joined".equals(joined.getString("type", null))) {
            throw new AssertionError("not joined: " + joined);
        }
        return joined;
    }

    /** The reply to one request, skipping other messages. */
    JsonObject reply(String requestId) throws InterruptedException {
        return await("reply to " + requestId, m -> requestId.equals(m.getString("requestId", null)));
    }

    WebSocket socket() {
        return socket;
    }

    /** The next text message as JSON, waiting at most {@link #TIMEOUT}. */
    JsonObject next() throws InterruptedException {
        String text = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new AssertionError("No message within " + TIMEOUT + (closed.isDone() ? "; closed " + closed.join()
                    : ""));
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /**
     * The next message that matches, skipping (and dropping) the others, waiting at most {@link #TIMEOUT} for each
     * message.
     */
    JsonObject await(String description, java.util.function.Predicate<JsonObject> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> skipped = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            String text = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (text == null) {
                break;
            }
            JsonObject message;
            try (var reader = Json.createReader(new StringReader(text))) {
                message = reader.readObject();
            }
            if (wanted.test(message)) {
                return message;
            }
            skipped.add(message.getString("type", "?"));
        }
        throw new AssertionError("No " + description + " within " + TIMEOUT + "; skipped " + skipped
                + (closed.isDone() ? "; closed " + closed.getNow(null) : ""));
    }

    /** The next message of this type. */
    JsonObject await(String type) throws InterruptedException {
        return await(type, message -> type.equals(message.getString("type", null)));
    }

    /** Text messages received and not yet taken. */
    int pending() {
        return messages.size();
    }

    Closed awaitClose() throws Exception {
        return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Sends one part of a text message ({@code last} ends it), as a client streaming a long message does. */
    void sendPart(String text, boolean last) {
        socket.sendText(text, last).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /**
     * A link that stalls silently, as a phone that lost its signal: nothing more is read (so no ping is answered) and
     * nothing is sent or closed; the server must notice by itself.
     */
    void stall() {
        stalled = true;
    }

    /** Drops the connection without a close handshake (after a stall, as the browser would in the end). */
    void abort() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    void close() {
        WebSocket current = socket;
        if (current != null && !current.isOutputClosed()) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    // One frame at a time, as the JDK's own listener does: a stalled client stops asking, so it stops reading and
    // stops answering pings (the JDK answers a ping when it is delivered).
    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    private void more(WebSocket webSocket) {
        if (!stalled) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
        more(webSocket);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
        more(webSocket);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
        more(webSocket);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
        }
        more(webSocket);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
