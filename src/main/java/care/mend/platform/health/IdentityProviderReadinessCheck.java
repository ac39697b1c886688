package care.mend.platform.health;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Mend is ready only while its identity provider answers: without it nobody can sign in, and WildFly's OIDC client
 * answers every page visit with a bare 403. The provider is the one WildFly's OIDC client uses
 * ({@code mend.oidc.provider-url}, from {@code MEND_OIDC_PROVIDER_URL}; the same default as
 * {@code wildfly-config/oidc.cli}). The probe's answer is kept for {@link #CACHE_FOR} and it waits at most
 * {@link #TIMEOUT}; the sign-in guard ({@code care.mend.security.SignInGuard}) reads the same probe.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderReadinessCheck implements HealthCheck {

    static final String PROVIDER_URL_KEY = "mend.oidc.provider-url";
    static final String DEFAULT_PROVIDER_URL = "http://localhost:8180/realms/mend";
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration CACHE_FOR = Duration.ofSeconds(5);

    @Inject
    Config config;

    private IdentityProviderProbe probe;

    @PostConstruct
    void start() {
        String url = config.getOptionalValue(PROVIDER_URL_KEY, String.class).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(DEFAULT_PROVIDER_URL);
        probe = new IdentityProviderProbe(URI.create(url), TIMEOUT, CACHE_FOR);
    }

    /** The probe itself, for the sign-in guard. */
    public IdentityProviderProbe probe() {
        return probe;
    }

    @Override
    public HealthCheckResponse call() {
        return response(probe.status());
    }

    static HealthCheckResponse response(IdentityProviderProbe.Status status) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("identity-provider").status(status.up());
        if (!status.up()) {
            response.withData("reason", status.reason().text());
            if (status.httpStatus() != 0) {
                response.withData("http-status", status.httpStatus());
            }
        }
        return response.build();
    }
}
