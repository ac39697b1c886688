package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.MediaModality;
import care.mend.room.ParticipantId;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import care.mend.room.RoomRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PresenceWriterTest {

    private static final UUID SESSION = UUID.randomUUID();

    /** A store that is down for its first {@code failures} calls, then keeps events by key like the real one. */
    private static final class FlakyStore implements PresenceStore {
        final Map<String, PresenceEvent> kept = new LinkedHashMap<>();
        final AtomicInteger failures;
        final CountDownLatch stored;

        FlakyStore(int failures, int expected) {
            this.failures = new AtomicInteger(failures);
            this.stored = new CountDownLatch(expected);
        }

        @Override
        public synchronized int storeNew(List<PresenceEvent> events) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("database unavailable");
            }
            int added = 0;
            for (PresenceEvent event : events) {
                if (kept.putIfAbsent(event.idempotencyKey(), event) == null) {
                    added++;
                    stored.countDown();
                }
            }
            return added;
        }
    }

    private static PresenceEvent event(int n) {
        return new PresenceEvent(SESSION, new ParticipantId("p" + n), "subject-" + n, RoomRole.PATIENT,
                PresenceKind.ADMITTED, MediaModality.NONE, Instant.parse("2026-11-02T00:00:00Z").plusSeconds(n),
                SESSION + ":p" + n + ":ADMITTED:1");
    }

    @Test
    void eventsPublishedWhileTheStoreIsDownAreStoredOnceItIsBack() throws InterruptedException {
        FlakyStore store = new FlakyStore(3, 50);
        try (PresenceWriter writer = new PresenceWriter(store, Duration.ofMillis(1), Duration.ofMillis(4))) {
            for (int i = 0; i < 50; i++) {
                writer.publish(event(i));
            }

            assertThat(store.stored.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(store.kept).hasSize(50);
        assertThat(new ArrayList<>(store.kept.values())).extracting(PresenceEvent::subject)
                .startsWith("subject-0", "subject-1");
    }

    @Test
    void aReplayedEventIsHarmless() throws InterruptedException {
        FlakyStore store = new FlakyStore(0, 2);
        try (PresenceWriter writer = new PresenceWriter(store, Duration.ofMillis(1), Duration.ofMillis(4))) {
            writer.publish(event(1));
            writer.publish(event(1));
            writer.publish(event(2));

            assertThat(store.stored.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(store.kept).hasSize(2);
    }

    @Test
    void closingWritesWhatIsQueued() {
        FlakyStore store = new FlakyStore(0, 10);
        PresenceWriter writer = new PresenceWriter(store, Duration.ofMillis(1), Duration.ofMillis(4));
        for (int i = 0; i < 10; i++) {
            writer.publish(event(i));
        }

        writer.close(Duration.ofSeconds(30));

        assertThat(store.kept).hasSize(10);
        assertThat(writer.pending()).isZero();
    }
}
