package care.mend.schedule;

import care.mend.platform.ConfigDurations;
import care.mend.platform.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Once a minute, marks NOT_HELD the sessions whose scheduled end plus a grace passed without their room ever going
 * live ({@link GroupSessionService#markNotHeld}). Without it such a session would stay SCHEDULED for ever: unsigned
 * but not listed as unsigned, invisible to progress.
 *
 * <p>Runs on the server's default {@link ManagedScheduledExecutorService} (the {@code ee-concurrency} layer that
 * {@code jaxrs-server} brings; the trimmed server has no EJB timers), never on a WebSocket or request thread. A run
 * is one indexed query when nothing is due, and is idempotent, so a missed or repeated run does no harm. It starts
 * once the schema is current.
 *
 * <p>Configuration, read and validated at deployment (a bad value fails it): {@code mend.sessions.not-held-after}
 * (MEND_SESSIONS_NOT_HELD_AFTER), the grace after the scheduled end, default 30 minutes, 0 to 24 hours, as whole
 * seconds or an ISO-8601 duration such as {@code PT30M}, like every duration in Mend's configuration; and
 * {@code mend.sessions.mark-not-held} (MEND_SESSIONS_MARK_NOT_HELD), default true: false leaves every session as it
 * is (the integration-test server does, whose fixtures are sessions on fixed past dates that must stay SCHEDULED).
 */
@ApplicationScoped
public class NotHeldSessionsJob {

    static final String GRACE_KEY = "mend.sessions.not-held-after";
    static final String ENABLED_KEY = "mend.sessions.mark-not-held";
    static final Duration DEFAULT_GRACE = Duration.ofMinutes(30);
    static final Duration MAX_GRACE = Duration.ofHours(24);
    static final Duration PERIOD = Duration.ofMinutes(1);
    /** Bounds one run (a first start over a long history catches up over a few runs instead). */
    static final int MAX_BATCHES_PER_RUN = 25;

    private static final Logger LOG = Logger.getLogger(NotHeldSessionsJob.class.getName());

    private Config config;
    private GroupSessionService sessions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Duration grace;
    private ScheduledFuture<?> task;

    /** For the CDI proxy. */
    protected NotHeldSessionsJob() {
    }

    @Inject
    public NotHeldSessionsJob(Config config, GroupSessionService sessions) {
        this.config = config;
        this.sessions = sessions;
    }

    /** The grace from MicroProfile Config. */
    static Duration graceOf(Config config) {
        Duration grace = ConfigDurations.read(config, GRACE_KEY, DEFAULT_GRACE);
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new IllegalArgumentException(GRACE_KEY + " is 0 to 24 hours");
        }
        return grace;
    }

    /** Whether the job runs at all. */
    static boolean enabled(Config config) {
        return config.getOptionalValue(ENABLED_KEY, Boolean.class).orElse(true);
    }

    void start(@Observes Startup.SchemaReady ready) {
        grace = graceOf(config);
        if (!enabled(config)) {
            LOG.info("MEND-SCHEDULE sessions are never marked NOT_HELD here (" + ENABLED_KEY + "=false)");
            return;
        }
        task = scheduler.scheduleWithFixedDelay(this::run, PERIOD.toSeconds(), PERIOD.toSeconds(), TimeUnit.SECONDS);
        LOG.info(() -> "MEND-SCHEDULE sessions not live " + grace.toMinutes()
                + " min after their scheduled end become NOT_HELD");
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One run; never throws (an exception would end the periodic task). */
    void run() {
        try {
            int marked = 0;
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
                int now = sessions.markNotHeld(grace).size();
                marked += now;
                if (now < GroupSessionService.NOT_HELD_BATCH) {
                    break;
                }
            }
            if (marked > 0) {
                int count = marked;
                LOG.info(() -> "MEND-SCHEDULE " + count + " sessions were not held");
            }
        } catch (RuntimeException e) {
            // A concurrent change or a database outage: the next run tries again.
            LOG.log(Level.WARNING, "MEND-SCHEDULE could not mark sessions not held: " + e.getClass().getSimpleName());
        }
    }
}
