package care.mend.room;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay (grace periods, the end of an empty room). The room's tasks only enqueue a command on
 * the room, so they are short. Tests use a manual scheduler driven by a manual clock; the server adapts a managed
 * {@link ScheduledExecutorService}.
 */
@FunctionalInterface
public interface RoomScheduler {

    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that may be cancelled; cancelling a task that ran or was cancelled does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    static RoomScheduler of(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
