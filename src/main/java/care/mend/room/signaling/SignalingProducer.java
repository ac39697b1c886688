package care.mend.room.signaling;

import care.mend.security.ticket.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The signaling handshake's configuration: {@code mend.allowed-origins} (comma-separated origins, default
 * {@value #DEFAULT_ORIGINS}). Read and validated once at deployment: a malformed entry fails the deployment.
 */
@ApplicationScoped
public class SignalingProducer {

    static final String ORIGINS_KEY = "mend.allowed-origins";
    static final String DEFAULT_ORIGINS = "http://localhost:8080,http://127.0.0.1:8080";

    private static final Logger LOG = Logger.getLogger(SignalingProducer.class.getName());

    @Produces
    @Singleton
    SignalingHandshake handshake(Config config, TicketStore tickets) {
        String origins = config.getOptionalValue(ORIGINS_KEY, String.class).orElse(DEFAULT_ORIGINS);
        return new SignalingHandshake(AllowedOrigins.parse(origins), tickets);
    }

    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored,
                           SignalingHandshake handshake) {
        // Origins are configuration, not personal data: operators need to see which ones are in force.
        LOG.info(() -> "MEND-SIGNALING allowed origins " + handshake.origins());
    }
}
