package care.mend.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Test-only set-up of the test Keycloak through its admin REST API, so that the realm file stays what a clinic
 * imports: a password-grant client for the tests ({@code mend-tests}, which Mend's realm must never contain), a
 * client whose tokens expire after a second, and a second realm whose tokens Mend must refuse. The realm's clients
 * have password grants off and its staff need a one-time code; the test clients sign in through a test-only
 * direct-grant flow of username and password ({@link #TEST_DIRECT_GRANT_FLOW}), bound to them alone, so that the
 * tests get tokens for staff without a code (the browser tests go through the realm's own form, code included).
 */
final class KeycloakAdmin {

    static final String TEST_CLIENT = "mend-tests";
    static final String SHORT_LIVED_CLIENT = "mend-tests-short-lived";
    static final String NO_AUDIENCE_CLIENT = "mend-tests-no-audience";
    static final String OTHER_REALM = "elsewhere";
    static final String OTHER_REALM_USER = "intruder";
    /** The test clients' direct-grant flow in Mend's realm: username and password, no one-time code. */
    static final String TEST_DIRECT_GRANT_FLOW = "mend-tests direct grant";
    /** Synthetic patients beyond the realm file's eight, for full rooms: {@code crowd01} ... {@code crowd13}. */
    static final int CROWD_SIZE = 13;
    /** Synthetic patients of ConsentIT and BrowserIT's consent path: {@code cons01} ... {@code cons03}. */
    static final int CONSENT_SIZE = 3;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String user;
    private final String password;
    private String adminToken;
    private long tokenAt;

    private KeycloakAdmin(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    static KeycloakAdmin login(URI base, String user, String password) {
        KeycloakAdmin admin = new KeycloakAdmin(base, user, password);
        admin.token();
        return admin;
    }

    /**
     * The master realm's admin token, taken again after 30 s: it lives 60 s, and a load run's imports come minutes
     * after the first.
     */
    private synchronized String token() {
        if (adminToken == null || System.nanoTime() - tokenAt > Duration.ofSeconds(30).toNanos()) {
            JsonObject token = postForm(base.resolve("/realms/master/protocol/openid-connect/token"), Map.of(
                    "grant_type", "password", "client_id", "admin-cli", "username", user, "password", password));
            adminToken = token.getString("access_token");
            tokenAt = System.nanoTime();
        }
        return adminToken;
    }

    /** Creates the test clients in Mend's realm and a second realm with an admin user of its own. */
    void prepareForTests() {
        String directGrant = createPasswordOnlyDirectGrantFlow("mend");
        createClient("mend", testClient(TEST_CLIENT, null, true, directGrant));
        createClient("mend", testClient(SHORT_LIVED_CLIENT, "1", true, directGrant));
        createClient("mend", testClient(NO_AUDIENCE_CLIENT, null, false, directGrant));
        JsonObject otherRealm = Json.createObjectBuilder()
                .add("realm", OTHER_REALM).add("enabled", true)
                .add("roles", Json.createObjectBuilder().add("realm", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "admin"))))
                .add("clients", Json.createArrayBuilder().add(testClient(TEST_CLIENT, null)))
                .add("users", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("username", OTHER_REALM_USER).add("enabled", true)
                        .add("firstName", "Other").add("lastName", "Realm").add("email", "intruder@demo.mend.invalid")
                        .add("emailVerified", true)
                        .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("type", "password").add("value", "demo-" + OTHER_REALM_USER)
                                .add("temporary", false)))
                        .add("realmRoles", Json.createArrayBuilder().add("admin"))))
                .build();
        post(base.resolve("/admin/realms"), otherRealm);
        addSyntheticPatients(9, SYNTHETIC_PATIENTS_UP_TO);
        JsonArrayBuilder crowd = Json.createArrayBuilder();
        for (int n = 1; n <= CONSENT_SIZE; n++) {
            crowd.add(Json.createObjectBuilder()
                    .add("id", consentSubject(n)).add("username", consentUser(n)).add("enabled", true)
                    .add("firstName", "Consent").add("lastName", "Patient " + n)
                    .add("email", consentUser(n) + "@demo.mend.invalid").add("emailVerified", true)
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", "demo-" + consentUser(n)).add("temporary", false)))
                    .add("realmRoles", Json.createArrayBuilder().add("patient")));
        }
        for (int n = 1; n <= CROWD_SIZE; n++) {
            crowd.add(Json.createObjectBuilder()
                    .add("id", crowdSubject(n)).add("username", crowdUser(n)).add("enabled", true)
                    .add("firstName", "Crowd").add("lastName", "Patient " + n)
                    .add("email", crowdUser(n) + "@demo.mend.invalid").add("emailVerified", true)
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", "demo-" + crowdUser(n)).add("temporary", false)))
                    .add("realmRoles", Json.createArrayBuilder().add("patient")));
        }
        // A partial import keeps the fixed ids (the admin API's user creation would assign its own).
        postExpecting(base.resolve("/admin/realms/mend/partialImport"), Json.createObjectBuilder()
                .add("ifResourceExists", "FAIL").add("users", crowd).build(), 200);
    }

    /** Adds users to the realm (a partial import, which keeps their ids); users already there are skipped. */
    void importUsers(String realm, jakarta.json.JsonArray users) {
        postExpecting(base.resolve("/admin/realms/" + realm + "/partialImport"), Json.createObjectBuilder()
                .add("ifResourceExists", "SKIP").add("users", users).build(), 200);
    }

    /** Sets the realm's password policy (for users created from now on). */
    void setPasswordPolicy(String realm, String policy) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/admin/realms/" + realm))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("passwordPolicy", policy).build().toString())).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak admin answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Points the realm's outgoing mail at an SMTP server (the test's GreenMail), as an admin would in the console. */
    void setSmtpServer(String realm, String host, int port, String from) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/admin/realms/" + realm))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("smtpServer", Json.createObjectBuilder().add("host", host)
                                .add("port", Integer.toString(port)).add("from", from)
                                .add("fromDisplayName", "Mend (test)")).build().toString())).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak admin answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** The realm's user with this username, as the admin API shows it. */
    JsonObject user(String realm, String username) {
        return Json.createReader(new StringReader(get(base.resolve("/admin/realms/" + realm + "/users?exact=true"
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8))))).readArray().getJsonObject(0);
    }

    /** The username of synthetic patient {@code n} (1 to {@link #CROWD_SIZE}); password {@code demo-<username>}. */
    static String crowdUser(int n) {
        return "crowd%02d".formatted(n);
    }

    /** The username of consent patient {@code n} (1 to {@link #CONSENT_SIZE}); password {@code demo-<username>}. */
    static String consentUser(int n) {
        return "cons%02d".formatted(n);
    }

    /** The Keycloak subject of consent patient {@code n}: fixed, so that tests can make the patient record. */
    static String consentSubject(int n) {
        return "8d7a1c2e-7%03d-4a6b-9c3d-%012d".formatted(n, 700 + n);
    }

    /** The Keycloak subject of synthetic patient {@code n}: fixed, so that tests can make the patient record. */
    static String crowdSubject(int n) {
        return "8d7a1c2e-2%03d-4a6b-9c3d-%012d".formatted(n, 200 + n);
    }

    /**
     * Lets the realm's own web client {@code mend} redirect back to the test server's port, on both loopback names,
     * so that the browser tests sign in through the real authorization-code flow. The realm file itself keeps only
     * the run command's port 8080.
     */
    void allowMendRedirects(int httpPort) {
        URI clients = base.resolve("/admin/realms/mend/clients?clientId=mend");
        JsonObject client = Json.createReader(new StringReader(get(clients))).readArray().getJsonObject(0);
        JsonArrayBuilder redirects = Json.createArrayBuilder(client.getJsonArray("redirectUris"))
                .add("http://127.0.0.1:" + httpPort + "/*").add("http://localhost:" + httpPort + "/*");
        JsonObject updated = Json.createObjectBuilder(client).add("redirectUris", redirects).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/admin/realms/mend/clients/"
                        + client.getString("id"))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(updated.toString())).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused the mend client's redirect URIs: "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private String get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    /**
     * The realm has patient1..8; a full room of 12 patients (3..14) and the scripted session's five (15..19) need
     * more, made here with the same id scheme.
     */
    static final int SYNTHETIC_PATIENTS_UP_TO = 19;

    private void addSyntheticPatients(int from, int to) {
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (int n = from; n <= to; n++) {
            String username = "patient" + n;
            users.add(Json.createObjectBuilder()
                    .add("id", care.mend.schedule.demo.DemoIdentities.patient(n)).add("username", username)
                    .add("enabled", true).add("emailVerified", true).add("firstName", "Synthetic")
                    .add("lastName", "P" + n).add("email", username + "@demo.mend.invalid")
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", "demo-" + username).add("temporary", false)))
                    .add("realmRoles", Json.createArrayBuilder().add("patient")));
        }
        JsonObject body = Json.createObjectBuilder().add("ifResourceExists", "SKIP").add("users", users).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/admin/realms/mend/partialImport"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak partial import answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** A public client allowed the password grant, whose access tokens name Mend in their audience. */
    private static JsonObject testClient(String clientId, String accessTokenLifespanSeconds) {
        return testClient(clientId, accessTokenLifespanSeconds, true, null);
    }

    /**
     * A top-level flow of username and password only, for the test clients' password grants (the realm's own
     * direct-grant flow asks staff for a one-time code, and a code cannot be used twice). Returns its id.
     */
    private String createPasswordOnlyDirectGrantFlow(String realm) {
        URI flows = base.resolve("/admin/realms/" + realm + "/authentication/flows");
        post(flows, Json.createObjectBuilder().add("alias", TEST_DIRECT_GRANT_FLOW)
                .add("description", "Test clients only: username and password").add("providerId", "basic-flow")
                .add("topLevel", true).add("builtIn", false).build());
        String alias = URLEncoder.encode(TEST_DIRECT_GRANT_FLOW, StandardCharsets.UTF_8).replace("+", "%20");
        URI executions = base.resolve("/admin/realms/" + realm + "/authentication/flows/" + alias + "/executions");
        for (String provider : java.util.List.of("direct-grant-validate-username", "direct-grant-validate-password")) {
            post(URI.create(executions + "/execution"), Json.createObjectBuilder().add("provider", provider).build());
        }
        for (JsonObject execution : Json.createReader(new StringReader(get(executions))).readArray()
                .getValuesAs(JsonObject.class)) {
            JsonObject required = Json.createObjectBuilder(execution).add("requirement", "REQUIRED").build();
            HttpResponse<String> response = send(HttpRequest.newBuilder(executions).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(required.toString())).build());
            if (response.statusCode() != 202 && response.statusCode() != 204) {
                throw new IllegalStateException("Keycloak refused the test flow's requirement: "
                        + response.statusCode() + ": " + response.body());
            }
        }
        return Json.createReader(new StringReader(get(flows))).readArray().getValuesAs(JsonObject.class).stream()
                .filter(flow -> TEST_DIRECT_GRANT_FLOW.equals(flow.getString("alias"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the test direct-grant flow was not created"))
                .getString("id");
    }

    private static JsonObject testClient(String clientId, String accessTokenLifespanSeconds, boolean audience,
                                         String directGrantFlowId) {
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        if (accessTokenLifespanSeconds != null) {
            attributes.add("access.token.lifespan", accessTokenLifespanSeconds);
        }
        JsonArrayBuilder mappers = Json.createArrayBuilder();
        if (audience) {
            mappers.add(Json.createObjectBuilder()
                .add("name", "audience mend").add("protocol", "openid-connect")
                .add("protocolMapper", "oidc-audience-mapper")
                .add("config", Json.createObjectBuilder().add("included.client.audience", "mend")
                        .add("access.token.claim", "true").add("id.token.claim", "false")));
        }
        JsonObjectBuilder client = Json.createObjectBuilder()
                .add("clientId", clientId).add("enabled", true).add("publicClient", true)
                .add("directAccessGrantsEnabled", true).add("standardFlowEnabled", false)
                .add("attributes", attributes).add("protocolMappers", mappers);
        if (directGrantFlowId != null) {
            client.add("authenticationFlowBindingOverrides", Json.createObjectBuilder()
                    .add("direct_grant", directGrantFlowId));
        }
        return client.build();
    }

    private void createClient(String realm, JsonObject client) {
        post(base.resolve("/admin/realms/" + realm + "/clients"), client);
    }

    private void post(URI uri, JsonObject body) {
        postExpecting(uri, body, 201);
    }

    private void postExpecting(URI uri, JsonObject body, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException("Keycloak admin " + uri + " answered " + response.statusCode()
                    + ": " + response.body());
        }
    }

    static JsonObject postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
