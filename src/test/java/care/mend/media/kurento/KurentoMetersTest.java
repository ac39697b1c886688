package care.mend.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.kurento.client.Continuation;

/** The KMS meters: each call timed from going out to its answer, per KMS by index, the calls in flight, reachability. */
class KurentoMetersTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final KurentoMeters kms = new KurentoMeters(meters, 2);
    final AtomicLong now = new AtomicLong();
    final List<Continuation<String>> sent = new ArrayList<>();

    KmsCallGate gate(int index) {
        return new KmsCallGate(KmsCallGate.SMALL_CALL_BYTES, Duration.ofMinutes(1), now::get,
                (nanos, failed) -> kms.called(index, nanos, failed));
    }

    Timer timer(String kmsName, String outcome) {
        return meters.get(KurentoMeters.CALL_DURATION).tags("kms", kmsName, "outcome", outcome).timer();
    }

    @Test
    void aCallIsTimedFromGoingOutNotFromWaitingAtTheGate() throws Exception {
        KmsCallGate gate = gate(1);
        gate.<String>call(sent::add);
        now.addAndGet(Duration.ofMillis(500).toNanos());
        gate.<String>call(sent::add); // waits: the budget holds one small call
        now.addAndGet(Duration.ofMillis(40).toNanos());
        sent.get(0).onSuccess("a"); // 540 ms out; the second goes out now
        now.addAndGet(Duration.ofMillis(25).toNanos());
        sent.get(1).onError(new IllegalStateException("refused"));

        assertThat(timer("kms-1", "answered").count()).isEqualTo(1);
        assertThat(timer("kms-1", "answered").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(540);
        assertThat(timer("kms-1", "failed").count()).isEqualTo(1);
        assertThat(timer("kms-1", "failed").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(25);
        assertThat(timer("kms-0", "answered").count()).isZero();
    }

    @Test
    void callsInFlightArePerKmsAndTaggedByIndexOnly() {
        // Never started: nothing is probed, so no connection is tried.
        KurentoSettings settings = new KurentoSettings(
                List.of(URI.create("ws://127.0.0.1:9/kurento"), URI.create("ws://127.0.0.1:9/other")),
                Duration.ofHours(1), Duration.ofSeconds(1), BitrateCaps.WEAK_LINK);
        KurentoMediaServer server = new KurentoMediaServer(settings, Thread::new, kms);
        try {
            kms.watch(server);
            assertThat(meters.get(KurentoMeters.CALLS_IN_FLIGHT).tags("kms", "kms-0").gauge().value()).isZero();
            assertThat(meters.get(KurentoMeters.CALLS_IN_FLIGHT).tags("kms", "kms-1").gauge().value()).isZero();
            // Never probed, so not known to answer: an alert on 0 fires until the first probe answers.
            assertThat(meters.get(KurentoMeters.REACHABLE).tags("kms", "kms-0").gauge().value()).isZero();
            assertThat(meters.get(KurentoMeters.REACHABLE).tags("kms", "kms-1").gauge().value()).isZero();
            assertThat(meters.getMeters()).allSatisfy(meter -> meter.getId().getTags()
                    .forEach(tag -> assertThat(tag.getValue()).doesNotContain("ws://", "127.0.0.1")));
        } finally {
            server.close();
        }
    }
}
