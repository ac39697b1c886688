package care.mend.room.signaling;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way to send to a signaling connection: a queue drained by one asynchronous send at a time, the next frame
 * going out when the previous one completed. Whoever enqueues (a room's outbound lane, the connection's own lane,
 * the heartbeat) returns at once, so a slow client delays nobody but itself. A queue that grows past its bound
 * ({@value #DEFAULT_BOUND} frames by default) means the client does not read: the connection is closed with
 * {@link SignalingCloseReason#SLOW_CONSUMER}, and the room holds its seat for the grace period like any drop.
 * A failed send closes the connection too; the client reconnects with a new ticket.
 *
 * <p>Completions of sends are handed to {@code executor} rather than handled on the container's I/O thread, which
 * also keeps a container that completes sends synchronously from recursing.
 */
final class OutboundQueue {

    static final int DEFAULT_BOUND = 256;

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

    /** The socket, reduced to what the queue needs; implemented over a Jakarta {@code Session}, faked in tests. */
    interface FrameSink {
        /** Starts sending a text frame; {@code done} receives null or the failure, on any thread, exactly once. */
        void sendText(String text, Consumer<Throwable> done);

        /** Sends a ping; {@code done} as for text. */
        void sendPing(Consumer<Throwable> done);

        /** Closes the socket with the reason (or without one); never throws. */
        void close(SignalingCloseReason reason);
    }

    private sealed interface Frame {
        record Text(String text) implements Frame {
        }

        record Ping() implements Frame {
        }

        record Close(SignalingCloseReason reason) implements Frame {
        }
    }

    private final FrameSink sink;
    private final Executor executor;
    private final int bound;
    private final Consumer<SignalingErrorCode> errors;
    private final Queue<Frame> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** A close is queued behind the last frames: nothing more is accepted. */
    private final AtomicBoolean closing = new AtomicBoolean();

    OutboundQueue(FrameSink sink, Executor executor, int bound) {
        this(sink, executor, bound, code -> { });
    }

    /** @param errors told the code of every error reply, whoever sends it: every one passes through here */
    OutboundQueue(FrameSink sink, Executor executor, int bound, Consumer<SignalingErrorCode> errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (bound < 1) {
            throw new IllegalArgumentException("bound is positive");
        }
        this.bound = bound;
    }

    /** Queues a message; does nothing once the connection is closed. Never blocks, never throws. */
    void send(ServerMessage message) {
        if (message instanceof ServerMessage.ErrorMessage error) {
            errors.accept(error.code());
        }
        String text;
        try {
            text = SignalingJson.encode(message);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "MEND-SIGNALING a message could not be encoded: "
                    + message.getClass().getSimpleName(), e);
            return;
        }
        offer(new Frame.Text(text));
    }

    /** Queues a ping, behind whatever is queued. */
    void ping() {
        offer(new Frame.Ping());
    }

    /**
     * Closes the connection once what is already queued has been sent (so that the error that explains the close
     * reaches the client); later messages are dropped. Returns whether this call started the close.
     */
    boolean closeAfterQueued(SignalingCloseReason reason) {
        if (closed.get() || !closing.compareAndSet(false, true)) {
            return false;
        }
        size.incrementAndGet();
        frames.add(new Frame.Close(reason));
        pump();
        return true;
    }

    /** Closes the connection now, dropping whatever is queued. Idempotent. */
    void close(SignalingCloseReason reason) {
        if (closed.compareAndSet(false, true)) {
            frames.clear();
            sink.close(reason);
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Frames waiting to be sent. */
    int size() {
        return size.get();
    }

    private void offer(Frame frame) {
        if (closed.get() || closing.get()) {
            return;
        }
        if (size.incrementAndGet() > bound) {
            size.decrementAndGet();
            LOG.info("MEND-SIGNALING closing a connection: " + SignalingCloseReason.SLOW_CONSUMER);
            close(SignalingCloseReason.SLOW_CONSUMER);
            return;
        }
        frames.add(frame);
        pump();
    }

    /** Starts the next send unless one is in flight. */
    private void pump() {
        while (!closed.get() && !frames.isEmpty() && sending.compareAndSet(false, true)) {
            Frame frame = frames.poll();
            if (frame == null) {
                sending.set(false);
                continue; // another pump took it; look again
            }
            size.decrementAndGet();
            try {
                if (frame instanceof Frame.Text text) {
                    sink.sendText(text.text(), this::sent);
                } else if (frame instanceof Frame.Close close) {
                    close(close.reason());
                } else {
                    sink.sendPing(this::sent);
                }
            } catch (RuntimeException e) {
                sent(e);
            }
            return;
        }
    }

    private void sent(Throwable failure) {
        try {
            executor.execute(() -> afterSend(failure));
        } catch (RejectedExecutionException e) {
            close(null); // the server is stopping
        }
    }

    private void afterSend(Throwable failure) {
        if (failure != null) {
            LOG.log(Level.FINE, "MEND-SIGNALING send failed; closing the connection", failure);
            close(null);
        }
        sending.set(false);
        pump();
    }
}
