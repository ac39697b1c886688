package care.mend.media.ice;

import care.mend.platform.ConfigDurations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * {@link IceServers} from MicroProfile Config: {@code mend.ice.stun-urls}, {@code mend.ice.turn-urls},
 * {@code mend.ice.turn-secret} and {@code mend.ice.turn-ttl} (default 6 hours). Validated at deployment; the secret
 * is never logged.
 */
@ApplicationScoped
public class IceServersProducer {

    static final String TTL_KEY = "mend.ice.turn-ttl";

    private static final Logger LOG = Logger.getLogger(IceServersProducer.class.getName());

    @Produces
    @Singleton
    IceServers iceServers(Config config) {
        return new IceServers(
                IceServers.urls(config.getOptionalValue("mend.ice.stun-urls", String.class).orElse("")),
                IceServers.urls(config.getOptionalValue("mend.ice.turn-urls", String.class).orElse("")),
                config.getOptionalValue("mend.ice.turn-secret", String.class).orElse(null),
                ttl(config), Clock.systemUTC());
    }

    private static Duration ttl(Config config) {
        return ConfigDurations.read(config, TTL_KEY, Duration.ofHours(6));
    }

    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored, IceServers servers) {
        LOG.info(() -> "MEND-MEDIA ICE servers: " + servers);
    }
}
