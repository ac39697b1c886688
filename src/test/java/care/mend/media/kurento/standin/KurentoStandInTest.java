package care.mend.media.kurento.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.media.Eventually;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What answers on the stand-in's port while it is down, and that a restart brings back a fresh KMS. */
class KurentoStandInTest {

    private KurentoStandIn kms;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        kms = KurentoStandIn.start(false);
    }

    @AfterEach
    void stop() {
        kms.close();
    }

    /** Opens a WebSocket; the stage completes with the close code once the server closes or drops it. */
    private final class Client implements WebSocket.Listener {
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final CompletableFuture<String> text = new CompletableFuture<>();

        WebSocket open() {
            return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(kms.uri()), this).orTimeout(10, TimeUnit.SECONDS).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.complete(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }

    @Test
    void stoppedItRefusesTcp() {
        kms.stop(KurentoStandIn.Down.REFUSE);
        assertThatThrownBy(() -> new Client().open()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ConnectException.class);
        assertThat(kms.connectionCount()).isZero();
    }

    @Test
    void behindADeadProxyEveryWebSocketIsAcceptedAndDroppedAtOnce() {
        kms.stop(KurentoStandIn.Down.ACCEPT_THEN_DROP);
        Client client = new Client();
        client.open();
        assertThat(client.closed.orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo(1006);
        assertThat(kms.handshakes()).isEqualTo(1);
        assertThat(kms.connectionCount()).isZero();
    }

    @Test
    void behindALoadBalancerEveryHandshakeIsAnswered502() {
        kms.stop(KurentoStandIn.Down.HTTP_502);
        assertThatThrownBy(() -> new Client().open()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(502));
        assertThat(kms.handshakes()).isEqualTo(1);
    }

    @Test
    void aRestartFromAnyDownModeIsAFreshKmsOnTheSamePort() {
        Client before = new Client();
        WebSocket socket = before.open();
        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"create\",\"params\":{\"type\":\"MediaPipeline\","
                + "\"constructorParams\":{},\"properties\":{}}}", true);
        before.text.orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(kms.liveObjects("MediaPipeline")).hasSize(1);
        for (KurentoStandIn.Down down : KurentoStandIn.Down.values()) {
            kms.stop(down);
            kms.restart();
            assertThat(kms.liveObjects()).as("after " + down).isEmpty();
            new Client().open();
            // The next stop drops it.
            Eventually.until(Duration.ofSeconds(10), () -> kms.connectionCount() == 1);
        }
    }
}
