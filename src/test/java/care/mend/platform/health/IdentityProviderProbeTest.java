package care.mend.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The identity-provider probe against a local HTTP server standing in for Keycloak's realm: up, down (nothing
 * listening), slow (answers after the timeout), an error status, a page that is not a discovery document, and the
 * kept answer between polls.
 */
class IdentityProviderProbeTest {

    static final String DISCOVERY = """
            {"issuer":"http://127.0.0.1/realms/mend","authorization_endpoint":"http://127.0.0.1/auth",\
            "token_endpoint":"http://127.0.0.1/token","jwks_uri":"http://127.0.0.1/certs"}""";

    final AtomicInteger requests = new AtomicInteger();
    final AtomicReference<String> body = new AtomicReference<>(DISCOVERY);
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicLong delayMillis = new AtomicLong();
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicLong now = new AtomicLong();
    HttpServer server;

    URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/mend/.well-known/openid-configuration", exchange -> {
            requests.incrementAndGet();
            if (delayMillis.get() > 0) {
                try {
                    release.await(delayMillis.get(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/realms/mend");
    }

    IdentityProviderProbe probe(URI provider, Duration timeout) {
        return new IdentityProviderProbe(provider, timeout, Duration.ofSeconds(5), now::get);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void upWhileTheDiscoveryDocumentIsServed() throws IOException {
        IdentityProviderProbe.Status found = probe(start(), Duration.ofSeconds(2)).status();
        assertThat(found.up()).isTrue();
        assertThat(found.reason()).isEqualTo(IdentityProviderProbe.Reason.UP);
    }

    @Test
    void downWhileNothingListens() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        IdentityProviderProbe.Status found = probe(URI.create("http://127.0.0.1:" + port + "/realms/mend"),
                Duration.ofSeconds(2)).status();
        assertThat(found.up()).isFalse();
        assertThat(found.reason()).isEqualTo(IdentityProviderProbe.Reason.UNREACHABLE);
    }

    @Test
    void downWhenTheAnswerIsSlowerThanTheTimeout() throws IOException {
        URI provider = start();
        delayMillis.set(10_000);
        long began = System.nanoTime();
        IdentityProviderProbe.Status found = probe(provider, Duration.ofMillis(300)).status();
        assertThat(found.reason()).isEqualTo(IdentityProviderProbe.Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void downOnAnErrorStatusOrAPageThatIsNoDiscoveryDocument() throws IOException {
        URI provider = start();
        status.set(503);
        IdentityProviderProbe.Status error = probe(provider, Duration.ofSeconds(2)).status();
        assertThat(error.reason()).isEqualTo(IdentityProviderProbe.Reason.HTTP_ERROR);
        assertThat(error.httpStatus()).isEqualTo(503);

        status.set(200);
        body.set("<html>Keycloak is starting</html>");
        assertThat(probe(provider, Duration.ofSeconds(2)).status().reason())
                .isEqualTo(IdentityProviderProbe.Reason.NOT_A_DISCOVERY_DOCUMENT);
        body.set("{\"issuer\":\"x\"}");
        assertThat(probe(provider, Duration.ofSeconds(2)).status().reason())
                .isEqualTo(IdentityProviderProbe.Reason.NOT_A_DISCOVERY_DOCUMENT);
    }

    @Test
    void theAnswerIsKeptForAFewSecondsThenAskedAgain() throws IOException {
        IdentityProviderProbe probe = probe(start(), Duration.ofSeconds(2));
        assertThat(probe.status().up()).isTrue();
        status.set(503);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(probe.status().up()).as("kept").isTrue();
        assertThat(requests).hasValue(1);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(probe.status().up()).as("asked again").isFalse();
        assertThat(requests).hasValue(2);
    }

    @Test
    void theDiscoveryAddressIsTheRealmsWellKnownDocument() {
        assertThat(IdentityProviderProbe.discoveryUri(URI.create("http://kc:8080/realms/mend/")))
                .hasToString("http://kc:8080/realms/mend/.well-known/openid-configuration");
    }
}
