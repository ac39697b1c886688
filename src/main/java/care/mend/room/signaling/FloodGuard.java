package care.mend.room.signaling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Per-connection flood protection: a token bucket of {@code burst} messages refilled at {@code perSecond}. The first
 * message over the limit is answered with {@code RATE_LIMITED}; a client that keeps sending within the next ten
 * seconds without waiting for the bucket to refill is closed with 1008. Not thread-safe: one connection's messages
 * arrive one at a time.
 */
final class FloodGuard {

    /** What to do with one incoming message. */
    enum Verdict { ACCEPT, WARN, CLOSE }

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Clock clock;
    private final double perSecond;
    private final double burst;
    private double tokens;
    private Instant refilledAt;
    private Instant warnedAt;

    FloodGuard(int perSecond, int burst, Clock clock) {
        if (perSecond < 1 || burst < perSecond) {
            throw new IllegalArgumentException("need 1 <= perSecond <= burst");
        }
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = clock.instant();
    }

    Verdict onMessage() {
        Instant now = clock.instant();
        double elapsed = Duration.between(refilledAt, now).toNanos() / 1e9;
        tokens = Math.min(burst, tokens + elapsed * perSecond);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            if (warnedAt != null && tokens >= burst / 2) {
                warnedAt = null; // the client slowed down: a later flood starts with a warning again
            }
            return Verdict.ACCEPT;
        }
        if (warnedAt == null || Duration.between(warnedAt, now).compareTo(PATIENCE) > 0) {
            warnedAt = now;
            return Verdict.WARN;
        }
        return Verdict.CLOSE;
    }
}
