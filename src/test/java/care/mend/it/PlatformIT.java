package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform on the provisioned server and PostgreSQL: health, the OpenAPI document, problem responses (401s from
 * the sign-in mechanism included) and the body size limit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    Api api;

    @BeforeEach
    void client() {
        api = Api.of(url);
    }

    @Test
    void readyIncludesThePostgresDatabase() {
        HttpResult ready = Api.management().get("/health/ready");

        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        JsonObject json = ready.json();
        assertThat(json.getString("status")).isEqualTo("UP");
        JsonObject database = json.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
        assertThat(database.getString("status")).isEqualTo("UP");
        assertThat(database.getJsonObject("data").getString("product")).isEqualTo("PostgreSQL");
        JsonObject presence = json.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("presence-events")).findFirst().orElseThrow();
        assertThat(presence.getString("status")).isEqualTo("UP");
        assertThat(presence.getJsonObject("data").getInt("pending")).isZero();
    }

    @Test
    void readyIncludesTheIdentityProvider() {
        HttpResult ready = Api.management().get("/health/ready");

        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        JsonObject provider = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("identity-provider")).findFirst().orElseThrow();
        // The test Keycloak runs for the whole suite: its discovery document answers.
        assertThat(provider.getString("status")).isEqualTo("UP");
    }

    @Test
    void metricsAreScrapedInPrometheusFormatFromTheManagementInterface() {
        HttpResult metrics = Api.management().get("/metrics");

        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        String text = metrics.body();
        // Mend's own meters (the rooms are created with the deployment, so the gauges exist with no room open)...
        assertThat(text).containsPattern("(?m)^mend_rooms_live(\\{[^}]*\\})? ")
                .containsPattern("(?m)^mend_room_participants\\{[^}]*state=\"waiting\"")
                .containsPattern("(?m)^mend_signaling_errors_total\\{[^}]*code=\"ROOM_FULL\"")
                .contains("mend_presence_backlog");
        // ...and the JVM's, from WildFly's micrometer subsystem.
        assertThat(text).containsPattern("(?m)^(memory_used_heap|jvm_uptime)");
        // Nothing on the public port.
        assertThat(api.get("/metrics").status()).isNotEqualTo(200);
    }

    @Test
    void theServerHasMendsMailSessionToTheConfiguredSmtpServer() throws Exception {
        // wildfly-config/mail.cli, as provisioned: the session reminders' mail session, its SMTP server resolved at
        // start from mend.smtp.host / MEND_SMTP_HOST (this server's points at the test environment's GreenMail).
        String config = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("mend.server.dir"),
                "standalone", "configuration", "standalone.xml"));
        assertThat(config).containsPattern("<mail-session name=\"mend\"[^>]*jndi-name=\"java:jboss/mail/mend\"")
                .containsPattern("<smtp-server outbound-socket-binding-ref=\"mend-smtp\"")
                .containsPattern("<outbound-socket-binding name=\"mend-smtp\">\\s*<remote-destination host=\""
                        + "\\$\\{mend.smtp.host:\\$\\{env.MEND_SMTP_HOST:localhost}}\"");
    }

    @Test
    void liveIsUp() {
        HttpResult live = Api.management().get("/health/live");

        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.json().getString("status")).isEqualTo("UP");
    }

    @Test
    void servesTheOpenApiDocument() {
        HttpResult openapi = new Api(java.net.URI.create(url.getProtocol() + "://" + url.getHost() + ":"
                + url.getPort() + "/")).get("/openapi?format=JSON");

        assertThat(openapi.status()).as(openapi.toString()).isEqualTo(200);
        assertThat(openapi.json().getJsonObject("info").getString("title")).isEqualTo("Mend API");
    }

    @Test
    void theOpenApiDocumentCarriesNoCorsForAForeignOriginWithCredentials() throws Exception {
        // WildFly's handler answers Access-Control-Allow-Origin: * with credentials allowed; Mend's filter drops both.
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(root() + "openapi"))
                .header("Origin", "https://elsewhere.example").header("Cookie", "JSESSIONID=synthetic").GET().build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void theFaviconIsServedWhereBrowsersAskForIt() {
        Api site = new Api(java.net.URI.create(root()));
        for (String path : List.of("/favicon.ico", "/favicon.svg")) {
            HttpResult icon = site.get(path);

            assertThat(icon.status()).as(path + " " + icon).isEqualTo(200);
            assertThat(icon.contentType()).as(path).startsWith("image/svg+xml");
            assertThat(icon.body()).as(path).contains("<svg");
        }
    }

    @Test
    void mediaReadinessReportsAKmsThatDoesNotAnswerAndStaysUp() {
        // kms-1 is a port nobody listens on (IntegrationEnvironment); kms-0 is the protocol stand-in.
        HttpResult ready = Api.management().get("/health/ready");

        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        JsonObject media = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("media-servers")).findFirst().orElseThrow();
        assertThat(media.getString("status")).isEqualTo("UP");
        JsonObject data = media.getJsonObject("data");
        assertThat(data.getString("kms-1")).isEqualTo("DOWN");
        assertThat(data.getInt("kms-1-elements")).isZero();
        assertThat(data.getInt("kms-configured")).isEqualTo(2);
        // kms-0 may be down for a moment if a media test stopped the stand-in; the summary agrees with the nodes.
        String expected = data.getString("kms-0").equals("UP") ? "DEGRADED" : "DOWN";
        assertThat(data.getString("media")).isEqualTo(expected);
        assertThat(data.getInt("kms-reachable")).isEqualTo(expected.equals("DEGRADED") ? 1 : 0);
    }

    /** The server's root (the OpenAPI document and the icon are outside the deployment's /api). */
    private String root() {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort() + "/";
    }

    @Test
    void apiWithoutATokenIsUnauthorizedNotARedirect() {
        HttpResult result = api.get("/api/no-such-thing");

        assertThat(result.status()).isEqualTo(401);
    }

    @Test
    void unauthorizedIsAProblemDocumentToo() {
        List<HttpResult> refusals = List.of(api.get("/api/me"), api.post("/api/sites", "{}"),
                api.withToken("not-a-token").get("/api/sites"), api.withToken("a.b.c").put("/api/sites/x", "{}"));

        for (HttpResult result : refusals) {
            assertThat(result.status()).as(result.toString()).isEqualTo(401);
            assertThat(result.contentType()).as(result.toString()).startsWith("application/problem+json");
            assertThat(result.problemCode()).isEqualTo("AUTHENTICATION_REQUIRED");
            assertThat(result.json().getInt("status")).isEqualTo(401);
        }
    }

    @Test
    void aBodyOverTheLimitIs413WithoutBeingRead() {
        Api admin = api.as("admin");
        int before = admin.get("/api/sites?size=1").json().getInt("total");
        byte[] twelveMebibytes = site("x".repeat(12 * 1024 * 1024));
        List<HttpResult> refusals = new java.util.ArrayList<>();

        // HTTP/2 (the client upgrades) and HTTP/1.1; a declared length, and chunked with none.
        for (Api client : List.of(admin, admin.overHttp11())) {
            refusals.add(client.send("POST", "/api/sites", "application/json",
                    HttpRequest.BodyPublishers.ofByteArray(twelveMebibytes)));
            refusals.add(client.send("POST", "/api/sites", "application/json",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twelveMebibytes))));
        }

        for (HttpResult result : refusals) {
            assertThat(result.status()).as(result.toString()).isEqualTo(413);
            assertThat(result.contentType()).startsWith("application/problem+json");
            assertThat(result.problemCode()).isEqualTo("BODY_TOO_LARGE");
        }
        assertThat(admin.get("/api/sites?size=1").json().getInt("total")).isEqualTo(before);
        // A body under the limit still goes through, on the same client.
        assertThat(admin.post("/api/sites", new String(site("Limit Clinic"), StandardCharsets.UTF_8)).status())
                .isEqualTo(201);
    }

    private static byte[] site(String name) {
        return ("{\"name\":\"" + name + "\",\"city\":\"Memphis\",\"state\":\"TN\",\"timeZone\":\"America/Chicago\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unknownPathIsAProblemNotAStackTrace() {
        HttpResult result = api.as("admin").get("/api/no-such-thing");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.problemCode()).isEqualTo("NOT_FOUND");
        assertThat(result.body()).doesNotContain("Exception");
    }
}
