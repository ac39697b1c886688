package care.mend.media.kurento;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each media server truthfully, without taking Mend out of a load balancer: the check stays UP through a media
 * outage, because signaling, seats and attendance go on without media and clients must be able to come back to a
 * server that answers. What is down is in its data, for people and for alerting:
 * <ul>
 * <li>{@code media}: {@code UP} (every KMS answers), {@code DEGRADED} (some do), {@code DOWN} (none does: no room
 * has audio or video) or {@code NOT_CONFIGURED} ({@code mend.kurento.uris=none});</li>
 * <li>per KMS, by its index in {@code mend.kurento.uris} (never its address): {@code kms-0}: {@code UP}/{@code DOWN},
 * {@code kms-0-elements}: media elements Mend has on it;</li>
 * <li>{@code kms-reachable} and {@code kms-configured}: counts.</li>
 * </ul>
 * The metric {@code mend_kms_reachable{kms}} says the same to Prometheus.
 */
@Readiness
@ApplicationScoped
public class KurentoReadinessCheck implements HealthCheck {

    static final String NAME = "media-servers";

    @Inject
    KurentoMediaServerProducer producer;

    @Inject
    jakarta.enterprise.inject.Instance<KurentoMediaServer> kurento;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        Map<String, Object> data = producer.kurentoConfigured() ? data(kurento.get().status()) : notConfigured();
        data.forEach((key, value) -> {
            if (value instanceof Number number) {
                response.withData(key, number.longValue());
            } else {
                response.withData(key, value.toString());
            }
        });
        return response.build();
    }

    /** The check's data for these media servers, in this order: the summary first, then each KMS. */
    static Map<String, Object> data(List<KurentoMediaServer.NodeStatus> nodes) {
        long reachable = nodes.stream().filter(KurentoMediaServer.NodeStatus::reachable).count();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("media", reachable == nodes.size() ? "UP" : reachable == 0 ? "DOWN" : "DEGRADED");
        data.put("kms-reachable", reachable);
        data.put("kms-configured", nodes.size());
        for (KurentoMediaServer.NodeStatus node : nodes) {
            data.put(node.name(), node.reachable() ? "UP" : "DOWN");
            data.put(node.name() + "-elements", node.elementsInUse());
        }
        return data;
    }

    static Map<String, Object> notConfigured() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("media", "NOT_CONFIGURED");
        data.put("kms-reachable", 0);
        data.put("kms-configured", 0);
        data.put("configured", KurentoSettings.NONE);
        return data;
    }
}
