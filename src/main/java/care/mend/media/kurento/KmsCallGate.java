package care.mend.media.kurento;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.kurento.client.Continuation;

/**
 * Bounds the requests in flight to one KMS. A room of 13 negotiating at once sends some 150 offers of 5 KB each; the
 * Kurento client 7.3 then finds its Netty channel unwritable, queues, and drops the connection, which looks like a
 * lost KMS. Requests beyond the bound wait here, in order, and go out as answers come back. Thread-safe.
 */
final class KmsCallGate {

    static final int IN_FLIGHT = 8;

    private final int limit;
    private int inFlight;
    private final Queue<Runnable> waiting = new ArrayDeque<>();

    KmsCallGate(int limit) {
        this.limit = limit;
    }

    <T> CompletableFuture<T> call(Consumer<Continuation<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable send = () -> KurentoCalls.call(call).whenComplete((value, failure) -> {
            done();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        });
        boolean now;
        synchronized (this) {
            now = inFlight < limit;
            if (now) {
                inFlight++;
            } else {
                waiting.add(send);
            }
        }
        if (now) {
            send.run();
        }
        return result;
    }

    private void done() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
