package care.mend.reminder;

import care.mend.platform.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Every minute ({@code mend.reminders.every}), sends the reminders due ({@link Reminders#due}), each in its own
 * transaction. Runs on the server's default {@link ManagedScheduledExecutorService}, never on a socket's or a
 * request's thread; a run is one indexed query when nothing is due. Off, said once at INFO, when no SMTP server is
 * configured ({@link ReminderSettings}); the settings are validated at deployment either way.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class.getName());

    private Config config;
    private Reminders reminders;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ReminderSettings settings;
    private ScheduledFuture<?> task;

    /** For the CDI proxy. */
    protected ReminderJob() {
    }

    @Inject
    public ReminderJob(Config config, Reminders reminders) {
        this.config = config;
        this.reminders = reminders;
    }

    /** The settings, read once (at deployment, by {@link #start}). */
    public synchronized ReminderSettings settings() {
        if (settings == null) {
            settings = ReminderSettings.of(config);
        }
        return settings;
    }

    void start(@Observes Startup.SchemaReady ready) {
        ReminderSettings settings = settings();
        if (!settings.enabled()) {
            LOG.info("MEND-REMINDERS off: no SMTP server is configured (" + ReminderSettings.SMTP_HOST_KEY + ")");
            return;
        }
        long every = settings.every().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "MEND-REMINDERS e-mail reminders go " + settings.lead().toMinutes()
                + " min before each session to the patients who asked for them");
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One run; never throws (an exception would end the periodic task). */
    void run() {
        Map<Reminders.Outcome, Integer> outcomes = new EnumMap<>(Reminders.Outcome.class);
        int failed = 0;
        String failure = null;
        try {
            List<Reminders.Due> due = reminders.due(reminders.now(), settings.lead());
            for (Reminders.Due reminder : due) {
                try {
                    outcomes.merge(reminders.send(reminder, settings.lead(), settings.patientPage()), 1,
                            Integer::sum);
                } catch (RuntimeException e) {
                    // Not taken by the mail server, or another node's row won the race: a later run looks again.
                    failed++;
                    failure = e.getClass().getSimpleName();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MEND-REMINDERS could not look for reminders due: " + e.getClass().getSimpleName());
            return;
        }
        int sent = outcomes.getOrDefault(Reminders.Outcome.SENT, 0);
        if (sent > 0) {
            LOG.info(() -> "MEND-REMINDERS " + sent + " reminders sent");
        }
        int noAddress = outcomes.getOrDefault(Reminders.Outcome.NO_ADDRESS, 0);
        if (noAddress > 0) {
            LOG.fine(() -> "MEND-REMINDERS " + noAddress + " patients asked for reminders but have no address");
        }
        if (failed > 0) {
            LOG.warning("MEND-REMINDERS " + failed + " reminders not sent this time (" + failure + ")");
        }
    }
}
