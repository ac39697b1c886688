package care.mend.attendance;

import care.mend.room.PresenceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes presence events from the rooms without ever blocking them, and writes them to the store in batches on a
 * thread of its own. When the store fails (the database is briefly down), the batch is kept and retried with a
 * growing pause: nothing is dropped, and a retried batch is harmless because the store skips idempotency keys it
 * already has.
 *
 * <p>With a {@link PresenceJournal}, nothing is lost across a restart either: each batch is forced to the journal
 * before the store is tried, events still queued at shutdown are added to it, the journal is emptied whenever all
 * that was taken is stored, and a new writer replays it first.
 */
public final class PresenceWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PresenceWriter.class.getName());
    private static final int BATCH = 500;

    private final BlockingQueue<PresenceEvent> queue = new LinkedBlockingQueue<>();
    private final PresenceStore store;
    private final PresenceJournal journal;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Thread thread;
    private volatile boolean closing;
    private volatile int inFlight;
    /** The batch being stored; still set if the thread was stopped before storing it. */
    private volatile List<PresenceEvent> inFlightBatch = List.of();

    public PresenceWriter(PresenceStore store, Duration firstPause, Duration longestPause) {
        this(store, null, firstPause, longestPause, daemonThreads());
    }

    public PresenceWriter(PresenceStore store, PresenceJournal journal, Duration firstPause, Duration longestPause) {
        this(store, journal, firstPause, longestPause, daemonThreads());
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "mend-presence-writer");
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * @param journal the durable outbox, or null to keep events in memory only
     * @param threads where the writer's thread comes from: in the server, its managed thread factory
     */
    public PresenceWriter(PresenceStore store, PresenceJournal journal, Duration firstPause, Duration longestPause,
                          java.util.concurrent.ThreadFactory threads) {
        this.store = store;
        this.journal = journal;
        if (journal != null) {
            try {
                List<PresenceEvent> left = journal.replay();
                if (!left.isEmpty()) {
                    LOG.info("MEND-ATTENDANCE replaying " + left.size() + " presence events from the outbox");
                    queue.addAll(left);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the presence outbox cannot be read", e);
            }
        }
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.thread = threads.newThread(this::run);
        this.thread.start();
    }

    /** Hands the event over; never blocks and never drops. */
    public void publish(PresenceEvent event) {
        queue.add(event);
    }

    /** Events taken but not yet stored, for readiness and tests. */
    public int pending() {
        return queue.size() + inFlight;
    }

    private void run() {
        List<PresenceEvent> batch = new ArrayList<>(BATCH);
        while (!(closing && queue.isEmpty())) {
            try {
                PresenceEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                inFlight = batch.size();
                inFlightBatch = List.copyOf(batch);
                journal(batch);
                storeWithRetry(batch);
                inFlightBatch = List.of();
                if (queue.isEmpty()) {
                    clearJournal();
                }
            } catch (InterruptedException e) {
                // Stopped: close() keeps what is in flight and queued.
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
                inFlight = 0;
            }
        }
    }

    private void journal(List<PresenceEvent> batch) {
        if (journal == null) {
            return;
        }
        try {
            journal.append(batch);
        } catch (java.io.IOException e) {
            // The events are still held in memory and stored as soon as the database answers.
            LOG.log(Level.WARNING, "MEND-ATTENDANCE presence outbox not writable: " + e.getClass().getSimpleName());
        }
    }

    private void clearJournal() {
        if (journal == null) {
            return;
        }
        try {
            journal.clear();
        } catch (java.io.IOException e) {
            // Harmless: a replay of stored events is skipped by their idempotency keys.
            LOG.log(Level.WARNING, "MEND-ATTENDANCE presence outbox not cleared: " + e.getClass().getSimpleName());
        }
    }

    private void storeWithRetry(List<PresenceEvent> batch) throws InterruptedException {
        Duration pause = firstPause;
        while (true) {
            try {
                store.storeNew(batch);
                return;
            } catch (RuntimeException e) {
                // Counts only: events carry subjects, which stay out of logs.
                LOG.log(Level.WARNING, "MEND-ATTENDANCE presence store unavailable; " + (batch.size() + queue.size())
                        + " events held, retrying in " + pause.toMillis() + " ms: " + e.getClass().getSimpleName());
                Thread.sleep(pause.toMillis()); // back-off on this writer's own thread, never a room's
                pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
            }
        }
    }

    /** Stops taking the queue once it is empty, waiting at most {@code timeout} for the last writes. */
    public void close(Duration timeout) {
        closing = true;
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // The batch in flight (stored or not: a replay is harmless) and what is still queued go to the journal.
            List<PresenceEvent> left = new ArrayList<>(inFlightBatch);
            queue.drainTo(left);
            if (journal != null && !thread.isAlive()) {
                try {
                    journal.append(left);
                    LOG.warning("MEND-ATTENDANCE presence store unavailable at shutdown: " + left.size()
                            + " events kept in the outbox for the next start");
                    return;
                } catch (java.io.IOException e) {
                    LOG.log(Level.SEVERE, "MEND-ATTENDANCE presence outbox not writable at shutdown", e);
                }
            }
            LOG.severe("MEND-ATTENDANCE " + left.size() + " presence events not stored at shutdown");
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
