package care.mend.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for the integration tests: the JDK's {@link HttpClient}, JSON bodies as text. Requests
 * time out rather than hang, so a stuck server fails a test instead of the whole run.
 */
public final class Api {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static final HttpClient HTTP11 = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();

    private final HttpClient client;
    private final URI base;
    private final String bearerToken;
    private final String accept;

    public Api(URI base) {
        this(CLIENT, base, null, "application/json");
    }

    private Api(HttpClient client, URI base, String bearerToken, String accept) {
        this.client = client;
        this.base = base;
        this.bearerToken = bearerToken;
        this.accept = accept;
    }

    /** The same API, calling as the holder of this access token. */
    public Api withToken(String token) {
        return new Api(client, base, token, accept);
    }

    /** The same API over HTTP/1.1 only (the default client upgrades to HTTP/2 where the server offers it). */
    public Api overHttp11() {
        return new Api(HTTP11, base, bearerToken, accept);
    }

    /** The same API, asking for another representation (for example {@code text/csv}). */
    public Api accepting(String mediaType) {
        return new Api(client, base, bearerToken, mediaType);
    }

    /** The same API, calling as a demo user of the test Keycloak (admin, supervisor, facilitator, patient1 ...). */
    public Api as(String username) {
        return withToken(Tokens.of(username));
    }

    /** The application's own base (http://127.0.0.1:port/context/). */
    public static Api of(java.net.URL deploymentUrl) {
        try {
            return new Api(deploymentUrl.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The server's management interface, where WildFly serves /health. */
    public static Api management() {
        return new Api(URI.create("http://127.0.0.1:" + System.getProperty("mend.it.management.port") + "/"));
    }

    public HttpResult get(String path) {
        return send(request(path).GET());
    }

    public HttpResult post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResult put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResult delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResult send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, HttpRequest.BodyPublishers.ofString(body));
    }

    /** Any body: {@code BodyPublishers.ofInputStream} sends it chunked, without a {@code Content-Length}. */
    public HttpResult send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).method(method, body));
    }

    private HttpRequest.Builder request(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(relative)).timeout(TIMEOUT)
                .header("Accept", accept);
        return bearerToken == null ? builder : builder.header("Authorization", "Bearer " + bearerToken);
    }

    private HttpResult send(HttpRequest.Builder builder) {
        try {
            return HttpResult.of(client.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
