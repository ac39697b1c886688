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
 * growing pause: nothing is dropped while the process lives, and a retried batch is harmless because the store
 * skips idempotency keys it already has. (A durable outbox that also survives a restart comes with the ledger.)
 */
public final class PresenceWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PresenceWriter.class.getName());
    private static final int BATCH = 500;

    private final BlockingQueue<PresenceEvent> queue = new LinkedBlockingQueue<>();
    private final PresenceStore store;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Thread thread;
    private volatile boolean closing;
    private volatile int inFlight;

    public PresenceWriter(PresenceStore store, Duration firstPause, Duration longestPause) {
        this(store, firstPause, longestPause, runnable -> {
            Thread thread = new Thread(runnable, "mend-presence-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @param threads where the writer's thread comes from: in the server, its managed thread factory */
    public PresenceWriter(PresenceStore store, Duration firstPause, Duration longestPause,
                          java.util.concurrent.ThreadFactory threads) {
        this.store = store;
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
                storeWithRetry(batch);
            } catch (InterruptedException e) {
                if (!closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                batch.clear();
                inFlight = 0;
            }
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
            LOG.severe("MEND-ATTENDANCE " + pending() + " presence events not stored at shutdown");
            thread.interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
