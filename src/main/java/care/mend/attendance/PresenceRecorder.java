package care.mend.attendance;

import care.mend.room.PresenceEvent;
import care.mend.room.PresenceEventPublisher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** The rooms' presence publisher in the server: a {@link PresenceWriter} on the JPA store. */
@ApplicationScoped
public class PresenceRecorder implements PresenceEventPublisher {

    @Inject
    PresenceStore store;

    private PresenceWriter writer;

    @PostConstruct
    void start() {
        writer = new PresenceWriter(store, Duration.ofMillis(250), Duration.ofSeconds(30));
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
