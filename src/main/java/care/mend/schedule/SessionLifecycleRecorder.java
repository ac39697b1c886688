package care.mend.schedule;

import care.mend.room.SessionLifecycleListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks a group session LIVE when its room opens and ENDED when it ends. The rooms call it from their outbound
 * lane, which must not wait on the database, so the write runs on a thread of its own.
 */
@ApplicationScoped
public class SessionLifecycleRecorder implements SessionLifecycleListener {

    private static final Logger LOG = Logger.getLogger(SessionLifecycleRecorder.class.getName());

    @Inject
    GroupSessionService sessions;

    /** A container thread: the write goes through a transactional service. */
    @Resource
    ManagedThreadFactory threads;

    private ExecutorService writer;

    @PostConstruct
    void start() {
        writer = Executors.newSingleThreadExecutor(threads);
    }

    @Override
    public void sessionLive(UUID sessionId, Instant at) {
        writer.execute(() -> record(() -> sessions.markLive(sessionId, at), "live"));
    }

    @Override
    public void sessionEnded(UUID sessionId, Instant at) {
        writer.execute(() -> record(() -> sessions.markEnded(sessionId, at), "ended"));
    }

    private static void record(Runnable write, String what) {
        try {
            write.run();
        } catch (RuntimeException e) {
            // The session's status is a convenience for schedules; attendance stands on the presence events.
            LOG.log(Level.WARNING, "MEND-SCHEDULE could not mark a session " + what + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * Lets the writes already handed over finish while the application's beans are still there: a session that
     * ended just before a shutdown must not stay LIVE (sign-off needs it ENDED).
     */
    @PreDestroy
    void stop() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warning("MEND-SCHEDULE session status writes still pending at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
