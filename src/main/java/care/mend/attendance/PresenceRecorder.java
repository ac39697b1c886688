package care.mend.attendance;

import care.mend.room.PresenceEvent;
import care.mend.room.PresenceEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The rooms' presence publisher in the server: a {@link PresenceWriter} on the JPA store, with its durable outbox in
 * {@code mend.presence.outbox-dir} (default: {@code mend/} in the server's data directory).
 */
@ApplicationScoped
public class PresenceRecorder implements PresenceEventPublisher {

    @Inject
    PresenceStore store;

    /** A container thread: the writer calls transactional beans, which want the server's context. */
    @Resource
    ManagedThreadFactory threads;

    private PresenceWriter writer;

    @Inject
    Config config;

    /** The server's registry (WildFly's micrometer subsystem): see {@link PresenceMeters}. */
    @Inject
    MeterRegistry meters;

    static final String OUTBOX_DIR_KEY = "mend.presence.outbox-dir";

    @PostConstruct
    void start() {
        Path outbox = config.getOptionalValue(OUTBOX_DIR_KEY, String.class).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.data.dir",
                        System.getProperty("java.io.tmpdir")), "mend"));
        PresenceMeters presenceMeters = new PresenceMeters(meters);
        writer = new PresenceWriter(presenceMeters.timed(store), new PresenceJournal(outbox), Duration.ofMillis(250),
                Duration.ofSeconds(30), threads);
        presenceMeters.watch(writer::pending);
    }

    /**
     * Starts the writer with the deployment, once the schema is current: an application-scoped bean is otherwise made
     * on its first use, so the backlog gauge was missing from a scrape (and events left in the outbox by a previous
     * run waited) until the first presence event or readiness check.
     */
    void startWithTheDeployment(@Observes care.mend.platform.Startup.SchemaReady ready) {
        // Observing is enough: the container makes the bean (start above) to deliver the event.
    }

    @Override
    public void publish(PresenceEvent event) {
        writer.publish(event);
    }

    public int pending() {
        return writer.pending();
    }

    @PreDestroy
    void stop() {
        writer.close();
    }
}
