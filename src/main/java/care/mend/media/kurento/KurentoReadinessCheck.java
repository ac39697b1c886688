package care.mend.media.kurento;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each media server: reachable or not, and the media elements Mend has on it. A lost KMS is not a reason to
 * stop serving: signaling, seats and attendance go on through the outage and clients must be able to reconnect, so
 * the check stays UP and carries the figures (and {@code kms-reachable}) for monitoring and alerting.
 */
@Readiness
@ApplicationScoped
public class KurentoReadinessCheck implements HealthCheck {

    @Inject
    KurentoMediaServerProducer producer;

    @Inject
    jakarta.enterprise.inject.Instance<KurentoMediaServer> kurento;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("media-servers").up();
        if (!producer.kurentoConfigured()) {
            return response.withData("configured", KurentoSettings.NONE).withData("kms-reachable", 0).build();
        }
        KurentoMediaServer server = kurento.get();
        long reachable = 0;
        for (KurentoMediaServer.NodeStatus node : server.status()) {
            response.withData(node.name(), node.reachable() ? "UP" : "DOWN");
            response.withData(node.name() + "-elements", node.elementsInUse());
            reachable += node.reachable() ? 1 : 0;
        }
        return response.withData("kms-reachable", reachable).build();
    }
}
