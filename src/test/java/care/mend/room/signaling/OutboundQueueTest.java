package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    /** A socket whose sends complete only when the test says so. */
    static final class SlowSink implements OutboundQueue.FrameSink {
        final List<String> started = new ArrayList<>();
        final List<Consumer<Throwable>> pending = new ArrayList<>();
        SignalingCloseReason closedWith;
        int closes;

        @Override
        public void sendText(String text, Consumer<Throwable> done) {
            started.add(text);
            pending.add(done);
        }

        @Override
        public void sendPing(Consumer<Throwable> done) {
            started.add("ping");
            pending.add(done);
        }

        @Override
        public void close(SignalingCloseReason reason) {
            closes++;
            closedWith = reason;
        }

        void completeNext(Throwable failure) {
            pending.remove(0).accept(failure);
        }
    }

    private final SlowSink sink = new SlowSink();
    private final OutboundQueue queue = new OutboundQueue(sink, Runnable::run, 3);

    @Test
    void oneSendAtATimeInOrder() {
        queue.send(new ServerMessage.Ok("1"));
        queue.ping();
        queue.send(new ServerMessage.Ok("2"));

        assertThat(sink.started).hasSize(1);
        sink.completeNext(null);
        assertThat(sink.started).hasSize(2).last().isEqualTo("ping");
        sink.completeNext(null);
        assertThat(sink.started).hasSize(3).last().asString().contains("\"2\"");
        assertThat(queue.size()).isZero();
    }

    @Test
    void aClientThatDoesNotReadIsClosedAsASlowConsumer() {
        for (int i = 0; i < 4; i++) {
            queue.send(new ServerMessage.Ok(String.valueOf(i))); // one in flight, three queued
        }
        assertThat(sink.closedWith).isNull();

        queue.send(new ServerMessage.Ok("over"));

        assertThat(sink.closedWith).isEqualTo(SignalingCloseReason.SLOW_CONSUMER);
        assertThat(queue.isClosed()).isTrue();
        queue.send(new ServerMessage.Ok("after"));
        sink.completeNext(null);
        assertThat(sink.started).hasSize(1);
        assertThat(sink.closes).isEqualTo(1);
    }

    @Test
    void aCloseAfterQueuedSendsWhatIsQueuedFirstAndThenNothingMore() {
        queue.send(new ServerMessage.Ok("1"));
        queue.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.RATE_LIMITED, null));

        assertThat(queue.closeAfterQueued(SignalingCloseReason.RATE_LIMITED)).isTrue();
        assertThat(queue.closeAfterQueued(SignalingCloseReason.RATE_LIMITED)).isFalse();
        queue.send(new ServerMessage.Ok("dropped"));
        assertThat(sink.closedWith).isNull();
        sink.completeNext(null);
        sink.completeNext(null);

        assertThat(sink.started).hasSize(2).last().asString().contains("RATE_LIMITED");
        assertThat(sink.closedWith).isEqualTo(SignalingCloseReason.RATE_LIMITED);
        assertThat(queue.isClosed()).isTrue();
    }

    @Test
    void aFailedSendClosesTheConnection() {
        queue.send(new ServerMessage.Ok("1"));
        queue.send(new ServerMessage.Ok("2"));
        sink.completeNext(new java.io.IOException("gone"));
        assertThat(queue.isClosed()).isTrue();
        assertThat(sink.started).hasSize(1);
    }
}
