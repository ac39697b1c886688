package care.mend.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.kurento.client.Continuation;

class KmsCallGateTest {

    /** Calls that are sent but answered only when the test says so. */
    private final List<Continuation<String>> sent = new CopyOnWriteArrayList<>();

    private CompletableFuture<String> call(KmsCallGate gate) {
        return gate.call(sent::add);
    }

    @Test
    void beyondTheBoundCallsWaitAndGoOutInOrderAsAnswersComeBack() throws Exception {
        KmsCallGate gate = new KmsCallGate(2, Duration.ofMinutes(1));
        CompletableFuture<String> a = call(gate);
        CompletableFuture<String> b = call(gate);
        CompletableFuture<String> c = call(gate);
        assertThat(sent).hasSize(2);
        assertThat(gate.waiting()).isEqualTo(1);

        sent.get(0).onSuccess("a");
        assertThat(a.get()).isEqualTo("a");
        assertThat(sent).hasSize(3);
        sent.get(2).onSuccess("c");
        sent.get(1).onError(new IllegalStateException("b failed"));
        assertThat(c.get()).isEqualTo("c");
        assertThatThrownBy(b::get).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void aCallNeverAnsweredFailsAndFreesItsPlace() throws Exception {
        KmsCallGate gate = new KmsCallGate(1, Duration.ofMillis(200));
        CompletableFuture<String> silent = call(gate);
        CompletableFuture<String> next = call(gate);
        assertThat(gate.waiting()).isEqualTo(1);

        assertThatThrownBy(() -> silent.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        // The waiting call went out in the freed place.
        care.mend.media.Eventually.until(Duration.ofSeconds(10), () -> sent.size() == 2);
        sent.get(1).onSuccess("next");
        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("next");
    }

    @Test
    void aClosedGateFailsWhatWaitsAndTakesNothingMore() {
        KmsCallGate gate = new KmsCallGate(1, Duration.ofMinutes(1));
        call(gate);
        CompletableFuture<String> waiting = call(gate);

        gate.close("lost");

        assertThat(waiting).isCompletedExceptionally();
        assertThat(call(gate)).isCompletedExceptionally();
        assertThat(sent).hasSize(1);
        assertThat(gate.waiting()).isZero();
    }
}
