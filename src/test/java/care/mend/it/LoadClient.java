package care.mend.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A signaling socket for the load harness: event-driven, so that thousands of them need no thread each. A caller
 * registers what it expects ({@link #expect}) before sending what causes it; every text message completes the first
 * waiting expectation it matches, with the time it arrived. Errors the harness did not expect are counted.
 */
final class LoadClient implements WebSocket.Listener {

    /** One message and when it arrived ({@link System#nanoTime()}). */
    record Received(JsonObject message, long atNanos) {
    }

    private record Expectation(Predicate<JsonObject> wanted, CompletableFuture<Received> result) {
    }

    private final List<Expectation> expectations = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger unexpectedErrors;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile WebSocket socket;

    private LoadClient(AtomicInteger unexpectedErrors) {
        this.unexpectedErrors = unexpectedErrors;
    }

    static CompletableFuture<LoadClient> open(HttpClient http, URI uri, String origin, String ticket,
                                             AtomicInteger unexpectedErrors) {
        LoadClient client = new LoadClient(unexpectedErrors);
        CompletableFuture<Received> welcome = client.expect(m -> "welcome".equals(m.getString("type", null)));
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60)).header("Origin", origin)
                .subprotocols("mend.v1", "mend.ticket." + ticket)
                .buildAsync(uri, client)
                .thenCompose(socket -> {
                    client.socket = socket;
                    return welcome;
                })
                .thenApply(ignored -> client);
    }

    /** The next message that satisfies the condition, from now on. */
    CompletableFuture<Received> expect(Predicate<JsonObject> wanted) {
        CompletableFuture<Received> result = new CompletableFuture<>();
        synchronized (expectations) {
            expectations.add(new Expectation(wanted, result));
        }
        return result;
    }

    /** The reply to the request: its {@code requestId} echoed. */
    CompletableFuture<Received> expectReply(String requestId) {
        return expect(m -> requestId.equals(m.getString("requestId", null)));
    }

    /** Sends a text frame; sends on one socket are chained, as the JDK's WebSocket requires. */
    synchronized CompletableFuture<Void> send(String text) {
        return pending = pending.thenCompose(ignored -> socket.sendText(text, true)).thenApply(ignored -> null);
    }

    private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

    /** Drops the connection without a close handshake, as a lost network would. */
    void drop() {
        socket.abort();
    }

    CompletableFuture<Void> close() {
        if (socket == null || socket.isOutputClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        return socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").handle((s, e) -> null);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** Heartbeat pings received by every load client (the JDK answers each with a pong). */
    static final java.util.concurrent.atomic.AtomicLong PINGS = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
        PINGS.incrementAndGet();
        // The default's own work (it asks for the next frame): without it the JDK sends no pong, and the server
        // rightly takes every load client for dead after 9 s.
        return WebSocket.Listener.super.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long at = System.nanoTime();
        String text;
        synchronized (partial) {
            partial.append(data);
            if (!last) {
                return null;
            }
            text = partial.toString();
            partial.setLength(0);
        }
        JsonObject message;
        try (var reader = Json.createReader(new StringReader(text))) {
            message = reader.readObject();
        }
        boolean matched = false;
        synchronized (expectations) {
            Iterator<Expectation> waiting = expectations.iterator();
            while (waiting.hasNext()) {
                Expectation e = waiting.next();
                if (e.wanted().test(message)) {
                    waiting.remove();
                    e.result().complete(new Received(message, at));
                    matched = true;
                    break;
                }
            }
        }
        if (!matched && "error".equals(message.getString("type", null))) {
            unexpectedErrors.incrementAndGet();
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
        synchronized (expectations) {
            expectations.forEach(e -> e.result().completeExceptionally(error));
            expectations.clear();
        }
    }
}
