package care.mend.media.kurento;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports to a room's listener in the order their changes happened, whichever threads made them, and never while
 * the lock that ordered them is held. The Kurento client hands each event to a thread of its pool: two reports made
 * one after the other under the room's lock could otherwise reach the room in the other order (a thread descheduled
 * between the lock and the call), and the room would keep the older state.
 *
 * <p>{@link #add} under the lock that orders the changes; {@link #deliver} after releasing it. One thread delivers
 * at a time; a report added while another thread delivers is delivered by that thread, after the ones before it.
 */
final class InOrder {

    private static final System.Logger LOG = System.getLogger(InOrder.class.getName());

    private final Queue<Runnable> reports = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    void add(Runnable report) {
        reports.add(report);
    }

    void deliver() {
        while (!reports.isEmpty() && delivering.compareAndSet(false, true)) {
            try {
                for (Runnable report; (report = reports.poll()) != null; ) {
                    try {
                        report.run();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "MEND-MEDIA a report to the room failed", e);
                    }
                }
            } finally {
                delivering.set(false);
            }
        }
    }
}
