package care.mend.room.signaling;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of one connection's messages were accepted and are not yet handled, with a bound: a message that would go
 * over it is refused at once rather than queued, so what a connection can make the server hold is bounded whatever
 * its lane's speed. Thread-safe: the container enters, the lane leaves.
 */
final class Backlog {

    private final int bound;
    private final AtomicInteger waiting = new AtomicInteger();

    Backlog(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("the bound is positive");
        }
        this.bound = bound;
    }

    /** True if the message may wait (the caller then calls {@link #leave} once it is handled). */
    boolean enter() {
        if (waiting.incrementAndGet() > bound) {
            waiting.decrementAndGet();
            return false;
        }
        return true;
    }

    void leave() {
        waiting.decrementAndGet();
    }

    int waiting() {
        return waiting.get();
    }
}
