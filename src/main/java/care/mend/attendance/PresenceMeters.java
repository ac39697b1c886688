package care.mend.attendance;

import care.mend.room.PresenceEvent;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The presence writer's meters, on the server's Micrometer registry (in Prometheus names):
 * <ul>
 * <li>{@code mend_presence_backlog}: events taken from the rooms and not yet stored (a growing figure means the
 * database is not keeping up or not answering; readiness reports the same);</li>
 * <li>{@code mend_presence_write_seconds{outcome="stored|failed"}}: how long each batch's database write took.</li>
 * </ul>
 * Counts and durations only: an event's subject never becomes a tag.
 */
final class PresenceMeters {

    static final String BACKLOG = "mend.presence.backlog";
    static final String WRITE = "mend.presence.write";

    private final MeterRegistry meters;
    private final Timer stored;
    private final Timer failed;
    private IntSupplier pending;

    PresenceMeters(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.stored = timer("stored");
        this.failed = timer("failed");
    }

    private Timer timer(String outcome) {
        return meters.timer(WRITE, "outcome", outcome);
    }

    /** The store, timed: each call is one batch of the writer's. */
    PresenceStore timed(PresenceStore store) {
        Objects.requireNonNull(store, "store");
        return new PresenceStore() {
            @Override
            public int storeNew(List<PresenceEvent> events) {
                // The system clock, not the registry's: WildFly's registry refuses config() with a WARN each time.
                Timer.Sample sample = Timer.start(io.micrometer.core.instrument.Clock.SYSTEM);
                try {
                    int stored = store.storeNew(events);
                    sample.stop(PresenceMeters.this.stored);
                    return stored;
                } catch (RuntimeException e) {
                    sample.stop(failed);
                    throw e;
                }
            }
        };
    }

    /** The backlog gauge, read at each scrape. */
    void watch(IntSupplier pending) {
        // A registry holds a gauge's object weakly: this one is held here, as long as the recorder holds the meters.
        this.pending = pending;
        meters.gauge(BACKLOG, Tags.empty(), pending, IntSupplier::getAsInt);
    }
}
