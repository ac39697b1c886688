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

    private static final int SMALL = KmsCallGate.SMALL_CALL_BYTES;

    @Test
    void beyondTheBudgetCallsWaitAndGoOutInOrderAsAnswersComeBack() throws Exception {
        KmsCallGate gate = new KmsCallGate(2 * SMALL, Duration.ofMinutes(1));
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
        KmsCallGate gate = new KmsCallGate(SMALL, Duration.ofMillis(200));
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
    void anOfferTakesTheRoomOfManySmallCallsAndNothingOvertakesIt() throws Exception {
        KmsCallGate gate = new KmsCallGate(4 * SMALL, Duration.ofMinutes(1));
        CompletableFuture<String> small = call(gate);
        CompletableFuture<String> offer = gate.call(4 * SMALL, sent::add);
        CompletableFuture<String> after = call(gate);
        assertThat(sent).as("the offer waits for the budget; the small call behind it waits too").hasSize(1);
        assertThat(gate.waiting()).isEqualTo(2);

        sent.get(0).onSuccess("small");
        assertThat(small.get()).isEqualTo("small");
        assertThat(sent).as("the offer alone fills the budget").hasSize(2);
        assertThat(gate.bytesInFlight()).isEqualTo(4 * SMALL);

        sent.get(1).onSuccess("offer");
        assertThat(offer.get()).isEqualTo("offer");
        assertThat(sent).hasSize(3);
        sent.get(2).onSuccess("after");
        assertThat(after.get()).isEqualTo("after");
        assertThat(gate.bytesInFlight()).isZero();
    }

    @Test
    void aCallHeavierThanTheWholeBudgetGoesOutAlone() throws Exception {
        KmsCallGate gate = new KmsCallGate(SMALL, Duration.ofMinutes(1));
        CompletableFuture<String> huge = gate.call(10 * SMALL, sent::add);
        assertThat(sent).hasSize(1);
        sent.get(0).onSuccess("huge");
        assertThat(huge.get()).isEqualTo("huge");
    }

    @Test
    void aClosedGateFailsWhatWaitsAndTakesNothingMore() {
        KmsCallGate gate = new KmsCallGate(SMALL, Duration.ofMinutes(1));
        call(gate);
        CompletableFuture<String> waiting = call(gate);

        gate.close("lost");

        assertThat(waiting).isCompletedExceptionally();
        assertThat(call(gate)).isCompletedExceptionally();
        assertThat(sent).hasSize(1);
        assertThat(gate.waiting()).isZero();
    }
}
