package care.mend.room.signaling;

import java.util.function.LongSupplier;

/**
 * One connection's rate limit: a token bucket of {@code burst} messages refilled at {@code perSecond}. A message
 * over the limit is not handled but answered with {@code RATE_LIMITED} (with its {@code requestId}, so that no
 * request is left to time out), and a client that keeps sending {@value #DROPS_BEFORE_CLOSE} more messages before
 * the bucket lets one through again is closed with 1008: answering a flood costs at most that many replies. Plain
 * logic on an injectable nanosecond clock; not thread-safe (the container delivers one connection's frames one at
 * a time).
 */
final class FloodGuard {

    /** Dropped messages in one run, after the one answered with an error, that close the connection. */
    static final int DROPS_BEFORE_CLOSE = 20;

    enum Verdict {
        /** Handle the message. */
        ACCEPT,
        /** Do not handle it; answer {@code RATE_LIMITED}. */
        REFUSE,
        /** Drop it and close the connection: the client does not slow down. */
        CLOSE
    }

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;
    private int drops;

    FloodGuard(int perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst are positive");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    Verdict admit() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            drops = 0;
            return Verdict.ACCEPT;
        }
        drops++;
        return drops > DROPS_BEFORE_CLOSE + 1 ? Verdict.CLOSE : Verdict.REFUSE;
    }
}
