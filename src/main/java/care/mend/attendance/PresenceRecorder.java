package care.mend.attendance;

import care.mend.room.PresenceEvent;
import care.mend.room.PresenceEventPublisher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** The rooms' presence publisher in the server: a {@link PresenceWriter} on the JPA store. */
@ApplicationScoped
public class PresenceRecorder implements PresenceEventPublisher {

    @Inject
    PresenceStore store;

    /** A container thread: the writer calls transactional beans, which want the server's context. */
    @Resource
    ManagedThreadFactory threads;

    private PresenceWriter writer;

    @PostConstruct
    void start() {
        writer = new PresenceWriter(store, Duration.ofMillis(250), Duration.ofSeconds(30), threads);
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
