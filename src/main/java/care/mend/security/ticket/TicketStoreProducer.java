package care.mend.security.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The one {@link TicketStore} of the application, configured by {@code mend.signaling.ticket-ttl} (seconds,
 * 5-300, default 30). An invalid value fails the deployment rather than issuing tickets that live too long.
 */
@ApplicationScoped
public class TicketStoreProducer {

    static final String TTL_KEY = "mend.signaling.ticket-ttl";
    static final int DEFAULT_TTL_SECONDS = 30;

    // Singleton, not application-scoped: the store is final (no client proxy needed or possible) and shared.
    @Produces
    @Singleton
    TicketStore ticketStore(Clock clock, Config config) {
        int seconds = config.getOptionalValue(TTL_KEY, Integer.class).orElse(DEFAULT_TTL_SECONDS);
        return new TicketStore(clock, Duration.ofSeconds(seconds), new SecureRandom());
    }

    /** Creates the store at deployment, so that a bad TTL is reported then and not at the first sign-in. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored, TicketStore store) {
        store.ttl();
    }
}
