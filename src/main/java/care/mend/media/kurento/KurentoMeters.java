package care.mend.media.kurento;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The media servers' meters, on the server's Micrometer registry (in Prometheus names):
 * <ul>
 * <li>{@code mend_kms_call_seconds{kms="kms-0",outcome="answered|failed"}}: how long KMS calls take, from going out
 * to the answer (a call waiting at the gate is not yet out);</li>
 * <li>{@code mend_kms_calls_in_flight{kms="kms-0"}}: calls out and not answered;</li>
 * <li>{@code mend_kms_reachable{kms="kms-0"}}: 1 while the KMS answers its probes, else 0: what an operator alerts
 * on, since readiness stays UP through a media outage (see {@link KurentoReadinessCheck}).</li>
 * </ul>
 * A KMS is tagged by its index in {@code mend.kurento.uris}, as the logs and readiness name it: its address can carry
 * credentials, and no session or media object id ever becomes a tag.
 */
final class KurentoMeters implements KmsCallObserver {

    static final String CALL_DURATION = "mend.kms.call";
    static final String CALLS_IN_FLIGHT = "mend.kms.calls.in.flight";
    static final String REACHABLE = "mend.kms.reachable";

    private final MeterRegistry meters;
    private final List<Timer> answered = new ArrayList<>();
    private final List<Timer> failed = new ArrayList<>();

    KurentoMeters(MeterRegistry meters, int nodes) {
        this.meters = Objects.requireNonNull(meters, "meters");
        for (int i = 0; i < nodes; i++) {
            answered.add(timer(i, "answered"));
            failed.add(timer(i, "failed"));
        }
    }

    private Timer timer(int kms, String outcome) {
        return meters.timer(CALL_DURATION, "kms", name(kms), "outcome", outcome);
    }

    /** The in-flight and reachable gauges, read from the media server at each scrape. */
    void watch(KurentoMediaServer server) {
        for (int i = 0; i < server.nodeCount(); i++) {
            int kms = i;
            meters.gauge(CALLS_IN_FLIGHT, Tags.of("kms", name(kms)), server, s -> s.callsInFlight(kms));
            meters.gauge(REACHABLE, Tags.of("kms", name(kms)), server, s -> s.reachable(kms) ? 1 : 0);
        }
    }

    @Override
    public void called(int kms, long nanos, boolean failedCall) {
        List<Timer> timers = failedCall ? failed : answered;
        if (kms >= 0 && kms < timers.size()) {
            timers.get(kms).record(Duration.ofNanos(nanos));
        }
    }

    static String name(int kms) {
        return "kms-" + kms;
    }
}
