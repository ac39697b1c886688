package care.mend.media.kurento;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.kurento.client.Continuation;

/**
 * Bounds the bytes of the requests in flight to one KMS connection. The Kurento client 7.3 writes every request to
 * one Netty channel; when more than the channel's high-water mark (Netty's default, 64 KiB) waits unwritten it waits
 * a second and then discards the request or drops the connection, which looks like a lost KMS. A room of 13
 * negotiating at once sends some 150 offers of 5 KB each. Bytes not yet answered include every byte not yet written,
 * so keeping the requests in flight under {@link #BUDGET_BYTES} keeps the channel writable, while letting dozens of
 * small calls (a create, a connect: a few hundred bytes) go out together. Requests beyond the budget wait here, in
 * order, and go out as answers come back.
 *
 * <p>A place is never held for ever: a call unanswered after {@code answerTimeout} fails and frees it (a client
 * whose server went away may retry its session for minutes without answering). When the connection is lost the gate
 * is closed: what waits fails at once, and the node opens a new gate for its next client. Thread-safe.
 */
final class KmsCallGate {

    /** Three quarters of Netty's default high-water mark: room for frame overhead and the client's own pings. */
    static final int BUDGET_BYTES = 48 * 1024;

    /**
     * What a call without a large argument weighs, at most: a JSON-RPC connect with its session and two object ids
     * (some 90 characters each) is about 350 bytes; a candidate about 400.
     */
    static final int SMALL_CALL_BYTES = 512;

    /** Far above a real KMS's slowest answer (a processOffer under load takes well under a second). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    /** Told of each call that went out, once it is answered or failed: for the latency meter. */
    interface Answered {
        Answered NONE = (nanos, failed) -> { };

        void after(long nanos, boolean failed);
    }

    private final int budget;
    private final Duration answerTimeout;
    private final LongSupplier nanoTime;
    private final Answered answered;
    private int inFlight;
    private int bytesInFlight;
    private String closedBecause;
    private final Queue<Pending> waiting = new ArrayDeque<>();

    KmsCallGate(int budgetBytes, Duration answerTimeout) {
        this(budgetBytes, answerTimeout, System::nanoTime, Answered.NONE);
    }

    /** @param answered told how long each call took from going out (not from being queued) to its answer */
    KmsCallGate(int budgetBytes, Duration answerTimeout, LongSupplier nanoTime, Answered answered) {
        this.budget = budgetBytes;
        this.answerTimeout = answerTimeout;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.answered = Objects.requireNonNull(answered, "answered");
    }

    private record Pending(int bytes, Runnable send, CompletableFuture<?> result) {
    }

    /** A call whose arguments are small (ids, numbers). */
    <T> CompletableFuture<T> call(Consumer<Continuation<T>> call) {
        return call(SMALL_CALL_BYTES, call);
    }

    /**
     * A call that weighs about {@code bytes} on the wire (an offer: its SDP, escaped, plus the envelope). One heavier
     * than the whole budget still goes out, alone.
     */
    <T> CompletableFuture<T> call(int bytes, Consumer<Continuation<T>> call) {
        int weight = Math.max(1, Math.min(bytes, budget));
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable send = () -> {
            long sent = nanoTime.getAsLong();
            KurentoCalls.call(call)
                    .orTimeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((value, failure) -> {
                        long took = nanoTime.getAsLong() - sent;
                        done(weight);
                        observe(took, failure != null);
                        if (failure != null) {
                            result.completeExceptionally(failure);
                        } else {
                            result.complete(value);
                        }
                    });
        };
        boolean now;
        synchronized (this) {
            if (closedBecause != null) {
                return CompletableFuture.failedFuture(new IllegalStateException(closedBecause));
            }
            // In order: nothing overtakes a call already waiting.
            now = waiting.isEmpty() && bytesInFlight + weight <= budget;
            if (now) {
                inFlight++;
                bytesInFlight += weight;
            } else {
                waiting.add(new Pending(weight, send, result));
            }
        }
        if (now) {
            send.run();
        }
        return result;
    }

    private void observe(long nanos, boolean failed) {
        try {
            answered.after(nanos, failed);
        } catch (RuntimeException e) {
            // A meter must never cost a call its answer.
        }
    }

    private void done(int weight) {
        List<Pending> next = new ArrayList<>();
        synchronized (this) {
            inFlight--;
            bytesInFlight -= weight;
            while (!waiting.isEmpty() && bytesInFlight + waiting.peek().bytes() <= budget) {
                Pending p = waiting.poll();
                inFlight++;
                bytesInFlight += p.bytes();
                next.add(p);
            }
        }
        next.forEach(p -> p.send().run());
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

    synchronized int bytesInFlight() {
        return bytesInFlight;
    }
}
