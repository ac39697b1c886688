package care.mend.platform.health;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Whether the identity provider answers: a GET of its OpenID Connect discovery document
 * ({@code <provider-url>/.well-known/openid-configuration}), which is the first thing WildFly's OIDC client needs
 * before it can send anyone to sign in. While it does not answer, every page visit without a session fails.
 *
 * <p>Readiness is polled (every few seconds by Docker, Kubernetes and Prometheus alike), so an answer is kept for
 * {@code cacheFor}; one caller at a time asks, and waits at most {@code timeout}. Thread-safe. The reason of a
 * failure is a fixed word ({@link Reason}), never the exception's text, which names hosts and addresses.
 */
public final class IdentityProviderProbe {

    private static final Logger LOG = Logger.getLogger(IdentityProviderProbe.class.getName());

    /** Why the provider is not usable; {@code UP} when it is. */
    public enum Reason {
        UP("answers"),
        UNREACHABLE("no connection"),
        TIMEOUT("no answer in time"),
        HTTP_ERROR("an HTTP error status"),
        NOT_A_DISCOVERY_DOCUMENT("not an OpenID Connect discovery document");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** What the last probe found, and when (System.nanoTime of {@code nanoTime}). */
    public record Status(Reason reason, int httpStatus, long checkedAt) {
        public boolean up() {
            return reason == Reason.UP;
        }
    }

    private final URI discovery;
    private final HttpClient client;
    private final Duration timeout;
    private final long cacheNanos;
    private final LongSupplier nanoTime;
    private Status last;

    public IdentityProviderProbe(URI providerUrl, Duration timeout, Duration cacheFor) {
        this(providerUrl, timeout, cacheFor, System::nanoTime);
    }

    IdentityProviderProbe(URI providerUrl, Duration timeout, Duration cacheFor, LongSupplier nanoTime) {
        this.discovery = discoveryUri(Objects.requireNonNull(providerUrl, "providerUrl"));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.cacheNanos = Objects.requireNonNull(cacheFor, "cacheFor").toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        // No redirects: a provider that answers with one is not ready to serve sign-ins either.
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static URI discoveryUri(URI providerUrl) {
        String base = providerUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/.well-known/openid-configuration");
    }

    URI discovery() {
        return discovery;
    }

    /** The provider's state: the kept answer while it is fresh, else a new probe (at most {@code timeout}). */
    public synchronized Status status() {
        long now = nanoTime.getAsLong();
        if (last != null && now - last.checkedAt() < cacheNanos) {
            return last;
        }
        Status found = probe();
        report(last, found);
        last = found;
        return found;
    }

    private Status probe() {
        HttpRequest request = HttpRequest.newBuilder(discovery).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long at = nanoTime.getAsLong();
            if (response.statusCode() != 200) {
                return new Status(Reason.HTTP_ERROR, response.statusCode(), at);
            }
            return new Status(isDiscoveryDocument(response.body()) ? Reason.UP : Reason.NOT_A_DISCOVERY_DOCUMENT,
                    200, at);
        } catch (HttpTimeoutException e) {
            return new Status(Reason.TIMEOUT, 0, nanoTime.getAsLong());
        } catch (IOException e) {
            return new Status(Reason.UNREACHABLE, 0, nanoTime.getAsLong());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(Reason.TIMEOUT, 0, nanoTime.getAsLong());
        }
    }

    /** What the OIDC client reads from it: where to send people to sign in, and where tokens come from. */
    static boolean isDiscoveryDocument(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return false;
            }
            JsonObject document = value.asJsonObject();
            return document.get("issuer") instanceof jakarta.json.JsonString
                    && document.get("authorization_endpoint") instanceof jakarta.json.JsonString
                    && document.get("token_endpoint") instanceof jakarta.json.JsonString;
        } catch (JsonException | IllegalStateException e) {
            return false;
        }
    }

    /** Once per change: a provider that stays down is not logged at every poll. */
    private static void report(Status before, Status now) {
        boolean wasUp = before == null || before.up();
        if (wasUp && !now.up()) {
            LOG.warning(() -> "MEND-PLATFORM the identity provider does not answer (" + now.reason().text()
                    + "): sign-in is unavailable");
        } else if (!wasUp && now.up()) {
            LOG.info("MEND-PLATFORM the identity provider answers again");
        }
    }
}
