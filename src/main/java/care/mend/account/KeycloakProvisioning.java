package care.mend.account;

import care.mend.program.LoginProblem;
import care.mend.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * {@link IdentityProvisioning} against Keycloak's Admin REST API, as the realm's confidential client
 * {@code mend-provisioning} (client-credentials grant; its service account holds only {@code manage-users},
 * {@code view-users}, {@code query-users} and {@code view-realm} of {@code realm-management}).
 *
 * <p><b>Why the JDK's {@link HttpClient} and JSON-P, not {@code org.keycloak:keycloak-admin-client}.</b> Mend needs six
 * calls (find a user by address, make one, read a realm role, map it, send the actions e-mail, enable or disable and
 * log out), each a small JSON exchange. The admin client brings its own RESTEasy client and Jackson providers into
 * the WAR, beside the RESTEasy 6.2 and JSON-B that WildFly 39 already serves the application; an earlier attempt on
 * this issue found them clashing at deployment, and keeping two JAX-RS client stacks in one deployment apart is a
 * maintenance cost for every WildFly upgrade. The JDK client and the server's JSON-P add nothing to the WAR. What the
 * admin client would give us (typed representations) is five field names here, checked by {@code AccountsIT} against
 * a real Keycloak.
 *
 * <p>Configuration (MicroProfile Config, read once):
 * <ul>
 * <li>{@code mend.accounts.client-secret} ({@code MEND_ACCOUNTS_CLIENT_SECRET}): the client's secret. No default:
 * without it every call fails as {@link LoginProblem#IDP_UNAVAILABLE} and the record says so (the run command and the
 * integration tests set the development secret of the realm file).</li>
 * <li>{@code mend.accounts.client-id}, default {@code mend-provisioning}.</li>
 * <li>{@code mend.oidc.provider-url}, the realm's issuer ({@code http://host/realms/mend}), as for sign-in: the admin
 * API is {@code http://host/admin/realms/mend}.</li>
 * <li>{@code mend.accounts.invitation-lifespan}: how long the e-mail's link works, in seconds, default 72 hours.</li>
 * <li>{@code mend.oidc.client-id}: the client the e-mail's "back to application" link names, default {@code mend}.</li>
 * </ul>
 *
 * <p>Each call has a 10-second limit. The service account's token is kept until 30 seconds before it expires.
 * Log lines carry the step and the HTTP status, never an address, a name or an id.
 */
@ApplicationScoped
public class KeycloakProvisioning implements IdentityProvisioning {

    static final String SECRET_KEY = "mend.accounts.client-secret";
    static final String CLIENT_ID_KEY = "mend.accounts.client-id";
    static final String PROVIDER_URL_KEY = "mend.oidc.provider-url";
    static final String LIFESPAN_KEY = "mend.accounts.invitation-lifespan";
    static final List<String> SET_UP_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(KeycloakProvisioning.class.getName());

    private HttpClient http;
    private URI tokenUri;
    private URI adminUri;
    private String clientId;
    private Optional<String> secret;
    private long lifespanSeconds;
    private String appClientId;

    private String token;
    private long tokenValidUntil;

    protected KeycloakProvisioning() {
        // for CDI proxies
    }

    @Inject
    public KeycloakProvisioning(Config config) {
        this(config.getOptionalValue(PROVIDER_URL_KEY, String.class).orElse("http://localhost:8180/realms/mend"),
                config.getOptionalValue(CLIENT_ID_KEY, String.class).orElse("mend-provisioning"),
                config.getOptionalValue(SECRET_KEY, String.class).filter(s -> !s.isBlank()),
                config.getOptionalValue(LIFESPAN_KEY, Long.class).orElse(Duration.ofHours(72).toSeconds()),
                config.getOptionalValue("mend.oidc.client-id", String.class).orElse("mend"));
    }

    KeycloakProvisioning(String issuer, String clientId, Optional<String> secret, long lifespanSeconds,
            String appClientId) {
        String realmUrl = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        int realms = realmUrl.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException(PROVIDER_URL_KEY + " must end in /realms/<realm>");
        }
        this.tokenUri = URI.create(realmUrl + "/protocol/openid-connect/token");
        this.adminUri = URI.create(realmUrl.substring(0, realms) + "/admin" + realmUrl.substring(realms));
        this.clientId = clientId;
        this.secret = secret;
        this.lifespanSeconds = lifespanSeconds;
        this.appClientId = appClientId;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ProvisionedUser ensureUser(String email, String firstName, Role role) {
        Optional<JsonObject> existing = findByEmail(email);
        ProvisionedUser user;
        if (existing.isPresent()) {
            user = linked(existing.get());
        } else {
            JsonObject body = Json.createObjectBuilder()
                    .add("username", email).add("email", email).add("emailVerified", false).add("enabled", true)
                    .add("firstName", firstName)
                    .add("requiredActions", Json.createArrayBuilder(SET_UP_ACTIONS)).build();
            HttpResponse<String> created = send("create a user", admin("/users").header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            if (created.statusCode() == 201) {
                String location = created.headers().firstValue("Location").orElseThrow(() ->
                        new ProvisioningException(LoginProblem.IDP_UNAVAILABLE, "user made without a Location"));
                user = new ProvisionedUser(location.substring(location.lastIndexOf('/') + 1), true, true);
            } else if (created.statusCode() == 409) {
                // Made meanwhile (another request), or the address is another user's username: link what is there.
                user = linked(findByEmail(email).orElseThrow(() -> new ProvisioningException(LoginProblem.EMAIL_TAKEN,
                        "the address is taken by a user that has it as username only")));
            } else {
                throw failure("create a user", created);
            }
        }
        grantRole(user.subject(), role);
        return user;
    }

    private static ProvisionedUser linked(JsonObject user) {
        JsonArray actions = user.getJsonArray("requiredActions");
        return new ProvisionedUser(user.getString("id"), false, actions != null && !actions.isEmpty());
    }

    private Optional<JsonObject> findByEmail(String email) {
        HttpResponse<String> found = send("find a user", admin("/users?exact=true&briefRepresentation=false&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8)).GET());
        expect("find a user", found, 200);
        return Json.createReader(new StringReader(found.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(u -> email.equalsIgnoreCase(u.getString("email", ""))).findFirst();
    }

    private void grantRole(String subject, Role role) {
        HttpResponse<String> found = send("read the role", admin("/roles/" + role.realmRole()).GET());
        expect("read the role", found, 200);
        JsonObject roleJson = Json.createReader(new StringReader(found.body())).readObject();
        HttpResponse<String> mapped = send("grant the role", admin("/users/" + path(subject)
                + "/role-mappings/realm").header("Content-Type", "application/json").POST(
                HttpRequest.BodyPublishers.ofString(Json.createArrayBuilder().add(roleJson).build().toString())));
        expect("grant the role", mapped, 204);
    }

    @Override
    public void sendInvitation(String subject) {
        HttpResponse<String> sent = send("send the invitation", admin("/users/" + path(subject)
                + "/execute-actions-email?lifespan=" + lifespanSeconds + "&client_id="
                + URLEncoder.encode(appClientId, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createArrayBuilder(SET_UP_ACTIONS).build().toString())));
        if (sent.statusCode() == 500 || sent.statusCode() == 400) {
            // Keycloak answers 500 "Failed to send execute actions email" when the realm has no (working) mail
            // server, and 400 when the user has no address or is disabled: the user exists, the e-mail did not go.
            LOG.warning(() -> "MEND-ACCOUNTS the identity provider did not send the invitation (HTTP "
                    + sent.statusCode() + ")");
            throw new ProvisioningException(LoginProblem.EMAIL_NOT_SENT, "invitation not sent: HTTP "
                    + sent.statusCode());
        }
        expect("send the invitation", sent, 204);
    }

    @Override
    public void setEnabled(String subject, boolean enabled) {
        HttpResponse<String> changed = send(enabled ? "enable the user" : "disable the user",
                admin("/users/" + path(subject)).header("Content-Type", "application/json").PUT(
                        HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("enabled", enabled).build()
                                .toString())));
        expect(enabled ? "enable the user" : "disable the user", changed, 204);
        if (!enabled) {
            HttpResponse<String> out = send("end the user's sessions", admin("/users/" + path(subject) + "/logout")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            expect("end the user's sessions", out, 204);
        }
    }

    // ---- HTTP ----

    private HttpRequest.Builder admin(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(adminUri + pathAndQuery)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token());
    }

    private synchronized String token() {
        if (token != null && System.nanoTime() < tokenValidUntil) {
            return token;
        }
        String clientSecret = secret.orElseThrow(() -> new ProvisioningException(LoginProblem.IDP_UNAVAILABLE,
                "no " + SECRET_KEY + " configured"));
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send("get a token", HttpRequest.newBuilder(tokenUri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.statusCode() != 200) {
            LOG.warning(() -> "MEND-ACCOUNTS the identity provider refused Mend's provisioning client (HTTP "
                    + answer.statusCode() + "): check " + CLIENT_ID_KEY + " and " + SECRET_KEY);
            throw new ProvisioningException(LoginProblem.IDP_UNAVAILABLE, "token refused: HTTP "
                    + answer.statusCode());
        }
        JsonObject json = Json.createReader(new StringReader(answer.body())).readObject();
        token = json.getString("access_token");
        long lifetime = json.containsKey("expires_in") && json.get("expires_in").getValueType()
                == JsonValue.ValueType.NUMBER ? json.getJsonNumber("expires_in").longValue() : 60;
        tokenValidUntil = System.nanoTime() + Duration.ofSeconds(Math.max(0, lifetime - 30)).toNanos();
        return token;
    }

    private HttpResponse<String> send(String step, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warning(() -> "MEND-ACCOUNTS the identity provider does not answer (" + step + "): "
                    + e.getClass().getSimpleName());
            throw new ProvisioningException(LoginProblem.IDP_UNAVAILABLE, step + ": no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException(LoginProblem.IDP_UNAVAILABLE, step + ": interrupted", e);
        }
    }

    private void expect(String step, HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw failure(step, response);
        }
    }

    private ProvisioningException failure(String step, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401) {
            // The kept token was revoked or the clock moved: take a new one next time.
            synchronized (this) {
                token = null;
            }
        }
        LoginProblem problem = status == 400 || status == 409 ? LoginProblem.IDP_REFUSED : LoginProblem.IDP_UNAVAILABLE;
        LOG.warning(() -> "MEND-ACCOUNTS the identity provider answered HTTP " + status + " to: " + step);
        return new ProvisioningException(problem, step + ": HTTP " + status);
    }

    private static String path(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
