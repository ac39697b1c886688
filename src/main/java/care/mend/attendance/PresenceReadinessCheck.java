package care.mend.attendance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the presence events waiting to be stored. A backlog is not a reason to stop serving (the writer keeps and
 * retries them), so the check stays UP and carries the figure for monitoring.
 */
@Readiness
@ApplicationScoped
public class PresenceReadinessCheck implements HealthCheck {

    @Inject
    PresenceRecorder recorder;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("presence-events").up().withData("pending", recorder.pending()).build();
    }
}
