package care.mend.media.kurento;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What to log about something that is checked every few seconds and may be down for hours: a media server with no
 * one running it logged a reconnect line and a warning at every probe, 790 lines in half an hour. This says each
 * change once (never up since the start, went down, back after so long) and, while it stays down, a reminder every
 * {@code every}; every other check is {@link Say#NOTHING}.
 *
 * <p>Not thread-safe: its owner calls it under its own lock. Time is the given nano clock, so tests use a fake one.
 */
final class OutageLog {

    /** What the check that was just reported deserves in the log. */
    enum Say {
        /** Nothing new. */
        NOTHING,
        /** The first check found it up. */
        UP,
        /** The first check found it down: it has not been up since the start. */
        NEVER_UP,
        /** It was up and is down now. */
        DOWN,
        /** It is still down, and the last line about it is {@code every} old. */
        STILL_DOWN,
        /** It was down and answers again. */
        BACK
    }

    private enum State { UNKNOWN, UP, DOWN }

    private final long everyNanos;
    private final LongSupplier nanoTime;
    private State state = State.UNKNOWN;
    private long downSince;
    private long nextReminder;

    OutageLog(Duration every, LongSupplier nanoTime) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the reminder interval must be positive");
        }
        this.everyNanos = every.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** A check failed. */
    Say failed() {
        long now = nanoTime.getAsLong();
        switch (state) {
            case UNKNOWN, UP -> {
                Say say = state == State.UNKNOWN ? Say.NEVER_UP : Say.DOWN;
                state = State.DOWN;
                downSince = now;
                nextReminder = now + everyNanos;
                return say;
            }
            default -> {
                if (now - nextReminder >= 0) {
                    // From now, not from when it was due: a late check must not bring a burst of reminders.
                    nextReminder = now + everyNanos;
                    return Say.STILL_DOWN;
                }
                return Say.NOTHING;
            }
        }
    }

    /** A check answered. */
    Say answered() {
        State before = state;
        state = State.UP;
        return switch (before) {
            case UNKNOWN -> Say.UP;
            case DOWN -> Say.BACK;
            case UP -> Say.NOTHING;
        };
    }

    /** How long it has been down (or was, until it came back). */
    Duration downFor() {
        return state == State.UNKNOWN ? Duration.ZERO : Duration.ofNanos(nanoTime.getAsLong() - downSince);
    }
}
