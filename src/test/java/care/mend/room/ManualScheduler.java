package care.mend.room;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Timers that fire when the test moves the clock, in due order, without any sleeping. */
final class ManualScheduler implements RoomScheduler {

    private final ManualClock clock;
    private final List<Timer> timers = new ArrayList<>();
    private long sequence;

    ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    private static final class Timer {
        final Instant due;
        final long order;
        final Runnable task;
        boolean cancelled;

        Timer(Instant due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Timer timer = new Timer(clock.instant().plus(delay), sequence++, task);
        timers.add(timer);
        return () -> {
            synchronized (ManualScheduler.this) {
                timer.cancelled = true;
            }
        };
    }

    /** Moves the clock forward, firing every timer that falls due on the way, each at its due time. */
    void advance(Duration by) {
        Instant target = clock.instant().plus(by);
        while (true) {
            Timer next;
            synchronized (this) {
                timers.removeIf(t -> t.cancelled);
                next = timers.stream().filter(t -> !t.due.isAfter(target))
                        .min(Comparator.<Timer, Instant>comparing(t -> t.due).thenComparingLong(t -> t.order))
                        .orElse(null);
                if (next != null) {
                    timers.remove(next);
                }
            }
            if (next == null) {
                break;
            }
            if (next.due.isAfter(clock.instant())) {
                clock.set(next.due);
            }
            next.task.run();
        }
        clock.set(target);
    }

    synchronized int pending() {
        timers.removeIf(t -> t.cancelled);
        return timers.size();
    }
}
