package care.mend.media.kurento;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kurento.client.Continuation;

/**
 * Bounds the requests in flight to one KMS connection. A room of 13 negotiating at once sends some 150 offers of 5 KB
 * each; the Kurento client 7.3 then finds its Netty channel unwritable, queues, and drops the connection, which looks
 * like a lost KMS. Requests beyond the bound wait here, in order, and go out as answers come back.
 *
 * <p>A place is never held for ever: a call unanswered after {@code answerTimeout} fails and frees it (a client
 * whose server went away may retry its session for minutes without answering). When the connection is lost the gate
 * is closed: what waits fails at once, and the node opens a new gate for its next client. Thread-safe.
 */
final class KmsCallGate {

    static final int IN_FLIGHT = 8;

    /** Far above a real KMS's slowest answer (a processOffer under load takes well under a second). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    private final int limit;
    private final Duration answerTimeout;
    private int inFlight;
    private String closedBecause;
    private final Queue<Pending> waiting = new ArrayDeque<>();

    KmsCallGate(int limit, Duration answerTimeout) {
        this.limit = limit;
        this.answerTimeout = answerTimeout;
    }

    private record Pending(Runnable send, CompletableFuture<?> result) {
    }

    <T> CompletableFuture<T> call(Consumer<Continuation<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable send = () -> KurentoCalls.call(call)
                .orTimeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((value, failure) -> {
                    done();
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(value);
                    }
                });
        boolean now;
        synchronized (this) {
            if (closedBecause != null) {
                return CompletableFuture.failedFuture(new IllegalStateException(closedBecause));
            }
            now = inFlight < limit;
            if (now) {
                inFlight++;
            } else {
                waiting.add(new Pending(send, result));
            }
        }
        if (now) {
            send.run();
        }
        return result;
    }

    private void done() {
        Pending next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
            }
        }
        if (next != null) {
            next.send().run();
        }
    }

    /** The connection is gone: what waits fails now, and nothing more goes out through this gate. */
    void close(String why) {
        List<Pending> failed;
        synchronized (this) {
            if (closedBecause != null) {
                return;
            }
            closedBecause = why;
            failed = new ArrayList<>(waiting);
            waiting.clear();
        }
        failed.forEach(p -> p.result().completeExceptionally(new IllegalStateException(why)));
    }

    synchronized int waiting() {
        return waiting.size();
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
