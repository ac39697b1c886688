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
 * The signaling socket's configuration: {@code mend.allowed-origins} (comma-separated origins, default
 * {@value #DEFAULT_ORIGINS}) and the per-connection rate limit ({@code mend.signaling.max-messages-per-second},
 * default 20; {@code mend.signaling.message-burst}, default twice the rate). Read and validated once at deployment:
 * a malformed value fails the deployment.
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

    static final String RATE_KEY = "mend.signaling.max-messages-per-second";
    static final String BURST_KEY = "mend.signaling.message-burst";

    /** The per-connection rate limit; values out of range fail the deployment. */
    @Produces
    @Singleton
    SignalingLimits limits(Config config) {
        int rate = config.getOptionalValue(RATE_KEY, Integer.class).orElse(SignalingLimits.DEFAULTS.perSecond());
        int burst = config.getOptionalValue(BURST_KEY, Integer.class).orElse(Math.max(rate,
                SignalingLimits.DEFAULTS.burst() * rate / SignalingLimits.DEFAULTS.perSecond()));
        return new SignalingLimits(rate, burst);
    }

    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored,
                           SignalingHandshake handshake, SignalingLimits limits) {
        // Origins are configuration, not personal data: operators need to see which ones are in force.
        LOG.info(() -> "MEND-SIGNALING allowed origins " + handshake.origins());
        LOG.info(() -> "MEND-SIGNALING rate limit " + limits.perSecond() + "/s, burst " + limits.burst());
    }
}
