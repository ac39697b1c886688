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
 * <p>Time the server itself was held up is not the client's silence. A check that runs later than it was due (a
 * garbage-collection pause, a timer thread behind under load) means pongs may have arrived meanwhile and not been read
 * yet; counting that time would close every connection of the server at once after a long enough pause. So each
 * check's lateness is added to the connection's deadline, until the next sign of life, up to {@link #maxHeldUp()}
 * ({@code 2 × deadAfter}, 18 s by default): a server that runs on time finds a silent connection {@code deadAfter} after
 * its last sign of life; one that was held up finds it later by the time it was held up, and never more than
 * {@code 3 × deadAfter} after it.
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

    /** The most time a server held up adds to one connection's deadline. */
    public Duration maxHeldUp() {
        return deadAfter.multipliedBy(2);
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
        /** How late this connection's checks ran since its last sign of life: the server's time, not the client's. */
        private Duration heldUp = Duration.ZERO;
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
                    heldUp = Duration.ZERO;
                }
            }
        }

        /** Decides, at the current time, whether to ping, wait, or give up. */
        public synchronized Verdict check() {
            if (dead) {
                return Verdict.DEAD;
            }
            Instant now = clock.instant();
            Instant due = nextCheckAt();
            if (now.isAfter(due)) {
                Duration late = Duration.between(due, now);
                heldUp = heldUp.plus(late).compareTo(maxHeldUp()) < 0 ? heldUp.plus(late) : maxHeldUp();
            }
            if (!now.isBefore(deadline())) {
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
            Instant deadline = deadline();
            return nextPing.isBefore(deadline) ? nextPing : deadline;
        }

        private Instant deadline() {
            return lastSignOfLife.plus(deadAfter).plus(heldUp);
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
