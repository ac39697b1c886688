package care.mend.room;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The machinery rooms run on: a shared executor (each room drains its own queue on it, one task at a time), a
 * scheduler for timers, and the clock that stamps presence events.
 */
public record RoomRuntime(Executor executor, RoomScheduler scheduler, Clock clock) {

    public RoomRuntime {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
    }
}
