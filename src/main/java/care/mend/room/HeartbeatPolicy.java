package care.mend.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to ping a connection and when to give up on it. The transport pings every {@code interval} and declares the
 * connection dead {@code deadAfter} without a sign of life (a pong or any message), then tells the room
 * {@code connectionLost}. Because the transport wakes at {@link Tracker#nextCheckAt()}, which is never later than
 * the deadline, a dead connection is found at most {@code deadAfter} after its last sign of life. Plain logic on an
 * injectable clock; the transport owns the timers and the sockets.
 *
 * @param clock     the time source
 * @param interval  time between pings (3 s by default)
 * @param deadAfter silence after which the connection is dead (9 s by default: the pongs of two pings missed, the third
 *                  ping unanswered), so a link that stalls silently (neither side sees a close) is found at most 9 s
 *                  after its last sign of life — within 10 s of the stall, the room told — and the room counts the stall
 *                  from the last sign of life, as a gap
 */
public record HeartbeatPolicy(Clock clock, Duration interval, Duration deadAfter) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);
    public static final Duration DEFAULT_DEAD_AFTER = Duration.ofSeconds(9);

    public HeartbeatPolicy {
        Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero() || deadAfter.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("the interval is positive and shorter than the dead limit");
        }
    }

    public static HeartbeatPolicy standard(Clock clock) {
        return new HeartbeatPolicy(clock, DEFAULT_INTERVAL, DEFAULT_DEAD_AFTER);
    }

    /** Starts tracking a connection that is alive now. */
    public Tracker track() {
        return new Tracker(clock.instant());
    }

    /** What the transport should do now. */
    public enum Verdict {
        /** Nothing yet; wake again at {@link Tracker#nextCheckAt()}. */
        WAIT,
        /** Send a ping, then wake at {@link Tracker#nextCheckAt()}. */
        PING,
        /** Silent too long: close the connection and report it lost. Final. */
        DEAD
    }

    /** One connection's heartbeat state. Thread-safe: pongs and checks may come from different threads. */
    public final class Tracker {

        private Instant lastSignOfLife;
        private Instant lastPing;
        private boolean dead;

        private Tracker(Instant now) {
            this.lastSignOfLife = now;
            this.lastPing = now;
        }

        /** A pong, or any message from the client: the connection is alive. */
        public synchronized void signOfLife() {
            if (!dead) {
                Instant now = clock.instant();
                if (now.isAfter(lastSignOfLife)) {
                    lastSignOfLife = now;
                }
            }
        }

        /** Decides, at the current time, whether to ping, wait, or give up. */
        public synchronized Verdict check() {
            if (dead) {
                return Verdict.DEAD;
            }
            Instant now = clock.instant();
            if (!now.isBefore(lastSignOfLife.plus(deadAfter))) {
                dead = true;
                return Verdict.DEAD;
            }
            if (!now.isBefore(lastPing.plus(interval))) {
                lastPing = now;
                return Verdict.PING;
            }
            return Verdict.WAIT;
        }

        /** When {@link #check()} should run next: the next ping or the deadline, whichever is first. */
        public synchronized Instant nextCheckAt() {
            Instant nextPing = lastPing.plus(interval);
            Instant deadline = lastSignOfLife.plus(deadAfter);
            return nextPing.isBefore(deadline) ? nextPing : deadline;
        }

        public synchronized boolean isDead() {
            return dead;
        }

        /** The last pong or message: where a stall began. */
        public synchronized Instant lastSignOfLife() {
            return lastSignOfLife;
        }
    }
}
