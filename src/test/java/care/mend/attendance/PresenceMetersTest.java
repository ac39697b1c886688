package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The presence writer's meters: the backlog as the writer reports it, each batch write timed by its outcome. */
class PresenceMetersTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final PresenceMeters presence = new PresenceMeters(meters);

    @Test
    void theBacklogGaugeReadsThePendingEventsAtEachScrape() {
        AtomicInteger pending = new AtomicInteger(3);
        presence.watch(pending::get);
        assertThat(meters.get(PresenceMeters.BACKLOG).gauge().value()).isEqualTo(3);
        pending.set(0);
        assertThat(meters.get(PresenceMeters.BACKLOG).gauge().value()).isZero();
    }

    @Test
    void eachBatchWriteIsTimedAndAFailureStillReachesTheWriter() {
        AtomicInteger calls = new AtomicInteger();
        PresenceStore timed = presence.timed(events -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("database down");
            }
            return events.size();
        });
        assertThat(timed.storeNew(List.of())).isZero();
        assertThatThrownBy(() -> timed.storeNew(List.of())).hasMessage("database down");

        assertThat(meters.get(PresenceMeters.WRITE).tags("outcome", "stored").timer().count()).isEqualTo(1);
        assertThat(meters.get(PresenceMeters.WRITE).tags("outcome", "failed").timer().count()).isEqualTo(1);
    }
}
