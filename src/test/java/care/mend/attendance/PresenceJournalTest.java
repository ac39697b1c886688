package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.MediaModality;
import care.mend.room.ParticipantId;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import care.mend.room.RoomRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The presence writer's durable outbox: nothing taken is lost across a restart, even one during an outage. */
class PresenceJournalTest {

    private static final UUID SESSION = UUID.randomUUID();

    @TempDir
    Path dir;

    private static PresenceEvent event(int n) {
        return new PresenceEvent(SESSION, new ParticipantId("p" + n), "subject-" + n, RoomRole.PATIENT,
                PresenceKind.values()[n % PresenceKind.values().length], MediaModality.values()[n % 3],
                Instant.parse("2026-11-02T00:00:00.123456Z").plusSeconds(n), SESSION + ":p" + n + ":KIND:" + n);
    }

    private static List<PresenceEvent> events(int from, int to) {
        List<PresenceEvent> events = new ArrayList<>();
        for (int n = from; n < to; n++) {
            events.add(event(n));
        }
        return events;
    }

    /** A store that is down, or keeps events by key like the real one. */
    private static final class Store implements PresenceStore {
        final Map<String, PresenceEvent> kept = new LinkedHashMap<>();
        final CountDownLatch attempted = new CountDownLatch(1);
        final CountDownLatch stored;
        final boolean down;

        Store(boolean down, int expected) {
            this.down = down;
            this.stored = new CountDownLatch(expected);
        }

        @Override
        public synchronized int storeNew(List<PresenceEvent> events) {
            attempted.countDown();
            if (down) {
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

    @Test
    void eventsReadBackAsWritten() throws IOException {
        PresenceJournal journal = new PresenceJournal(dir);
        journal.append(events(0, 3));
        journal.append(events(3, 7));

        assertThat(new PresenceJournal(dir).replay()).isEqualTo(events(0, 7));
        journal.clear();
        assertThat(journal.isEmpty()).isTrue();
        assertThat(journal.replay()).isEmpty();
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheRestIsKept() throws IOException {
        PresenceJournal journal = new PresenceJournal(dir);
        journal.append(events(0, 2));
        Files.writeString(dir.resolve(PresenceJournal.FILE_NAME), "{\"sessionId\":\"" + SESSION + "\",\"partic",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(journal.replay()).isEqualTo(events(0, 2));
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        new PresenceJournal(dir);
        Path file = dir.resolve(PresenceJournal.FILE_NAME);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void eventsHeldAtShutdownDuringAnOutageAreStoredByTheNextStart() throws Exception {
        Store down = new Store(true, 0);
        PresenceWriter first = new PresenceWriter(down, new PresenceJournal(dir), Duration.ofMillis(5),
                Duration.ofMillis(20));
        events(0, 30).forEach(first::publish);
        assertThat(down.attempted.await(10, TimeUnit.SECONDS)).isTrue();
        events(30, 40).forEach(first::publish);
        first.close(Duration.ofMillis(200));
        assertThat(down.kept).isEmpty();

        Store up = new Store(false, 40);
        try (PresenceWriter second = new PresenceWriter(up, new PresenceJournal(dir), Duration.ofMillis(5),
                Duration.ofMillis(20))) {
            assertThat(up.stored.await(10, TimeUnit.SECONDS)).isTrue();
            second.publish(event(40));
        }

        assertThat(up.kept.values()).containsAll(events(0, 40)).contains(event(40));
        assertThat(up.kept).hasSize(41);
        assertThat(new PresenceJournal(dir).isEmpty()).isTrue();
    }

    @Test
    void withTheStoreUpTheJournalIsEmptiedOnceEverythingIsStored() throws Exception {
        Store up = new Store(false, 25);
        PresenceJournal journal = new PresenceJournal(dir);
        try (PresenceWriter writer = new PresenceWriter(up, journal, Duration.ofMillis(5), Duration.ofMillis(20))) {
            events(0, 25).forEach(writer::publish);
            assertThat(up.stored.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(journal.isEmpty()).isTrue();
    }
}
