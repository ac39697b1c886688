package care.mend.security;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.it.Totp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm a clinic imports (wildfly-config/keycloak/mend-realm.json) is locked down: no client signs anyone in by
 * password grant, the password policy follows NIST SP 800-63B (length, no composition rules), staff need a one-time
 * code at every sign-in through the form, patients only if they set one up, and brute-force protection is on.
 * Keycloak itself proves the flow in {@code BrowserIT#aFacilitatorSignsInWithPasswordAndOneTimeCode}.
 */
class RealmLockdownTest {

    private static JsonObject realm;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("wildfly-config/keycloak/mend-realm.json"))) {
            realm = Json.createReader(reader).readObject();
        }
    }

    @Test
    void noClientOfTheRealmAllowsThePasswordGrantAndTheTestClientsAreNotShipped() {
        List<JsonObject> clients = realm.getJsonArray("clients").getValuesAs(JsonObject.class);
        assertThat(clients).extracting(c -> c.getString("clientId")).contains("mend", "admin-cli")
                .noneMatch(id -> id.startsWith("mend-tests"));
        for (JsonObject client : clients) {
            assertThat(client.getBoolean("directAccessGrantsEnabled", true)).as(client.getString("clientId"))
                    .isFalse();
            assertThat(client.getBoolean("implicitFlowEnabled", false)).as(client.getString("clientId")).isFalse();
        }
    }

    @Test
    void thePasswordPolicyAsksForLengthAndNothingElseOfItsComposition() {
        String policy = realm.getString("passwordPolicy");
        Map<String, String> rules = Pattern.compile("\\s+and\\s+").splitAsStream(policy)
                .map(rule -> rule.split("[()]"))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts.length > 1 ? parts[1] : ""));
        assertThat(Integer.parseInt(rules.get("length"))).isGreaterThanOrEqualTo(8);
        assertThat(Integer.parseInt(rules.get("maxLength"))).isGreaterThanOrEqualTo(64);
        assertThat(rules).containsKeys("notUsername", "notEmail")
                .doesNotContainKeys("digits", "upperCase", "lowerCase", "specialChars", "regexPattern",
                        "forceExpiredPasswordChange");
    }

    @Test
    void everyStaffRoleNeedsAOneTimeCodeAtTheFormAndPatientsOnlyIfTheySetOneUp() {
        String browser = realm.getString("browserFlow");
        JsonObject top = flow(browser);
        assertThat(top.getBoolean("topLevel")).isTrue();
        JsonObject forms = flow(subflows(top).get(0).getString("flowAlias"));
        List<JsonObject> steps = forms.getJsonArray("authenticationExecutions").getValuesAs(JsonObject.class);
        assertThat(steps.get(0).getString("authenticator")).isEqualTo("auth-username-password-form");
        assertThat(steps.get(0).getString("requirement")).isEqualTo("REQUIRED");
        for (String role : List.of("facilitator", "supervisor", "admin")) {
            JsonObject otp = steps.stream().filter(s -> s.containsKey("flowAlias"))
                    .map(s -> flow(s.getString("flowAlias")))
                    .filter(f -> conditionConfigs(f, "conditional-user-role").stream()
                            .anyMatch(c -> role.equals(c.getString("condUserRole")) && !"true".equals(
                                    c.getString("negate", "false"))))
                    .findFirst().orElseThrow(() -> new AssertionError("no one-time code for " + role));
            assertThat(required(otp, "auth-otp-form")).as(role).isTrue();
        }
        JsonObject patients = steps.stream().filter(s -> s.containsKey("flowAlias"))
                .map(s -> flow(s.getString("flowAlias")))
                .filter(f -> executions(f).stream().anyMatch(e -> "conditional-user-configured".equals(
                        e.getString("authenticator", null)))).findFirst().orElseThrow();
        assertThat(required(patients, "auth-otp-form")).isTrue();
        assertThat(realm.getBoolean("otpPolicyCodeReusable")).isFalse();
    }

    @Test
    void theDemoStaffHaveTheDocumentedSyntheticAuthenticatorsAndPatientsHaveNone() {
        for (JsonObject user : realm.getJsonArray("users").getValuesAs(JsonObject.class)) {
            if (user.containsKey("serviceAccountClientId")) {
                continue; // a client's service account signs in with the client's secret, never a password
            }
            String username = user.getString("username");
            boolean staff = user.getJsonArray("realmRoles").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).anyMatch(List.of("facilitator", "supervisor", "admin")::contains);
            Optional<JsonObject> otp = user.getJsonArray("credentials").getValuesAs(JsonObject.class).stream()
                    .filter(c -> "otp".equals(c.getString("type"))).findFirst();
            assertThat(otp.isPresent()).as(username).isEqualTo(staff);
            if (staff) {
                JsonObject secret = Json.createReader(new java.io.StringReader(otp.get().getString("secretData")))
                        .readObject();
                JsonObject data = Json.createReader(new java.io.StringReader(otp.get().getString("credentialData")))
                        .readObject();
                assertThat(secret.getString("value")).as(username).isEqualTo(Totp.demoSecret(username));
                assertThat(data.getString("secretEncoding")).isEqualTo("BASE32");
                assertThat(data.getInt("period")).isEqualTo(Totp.PERIOD_SECONDS);
                assertThat(data.getInt("digits")).isEqualTo(6);
            }
        }
    }

    @Test
    void bruteForceProtectionIsOnAndLifetimesAreTheDocumentedOnes() throws IOException {
        assertThat(realm.getBoolean("bruteForceProtected")).isTrue();
        String readme = Files.readString(Path.of("README.md"));
        Matcher lifetimes = Pattern.compile("(?i)access tokens live (\\d+) minutes.*?idle after (\\d+) hours.*?at most "
                + "(\\d+) hours", Pattern.DOTALL).matcher(readme);
        assertThat(lifetimes.find()).as("README Security states the lifetimes").isTrue();
        assertThat(realm.getInt("accessTokenLifespan")).isEqualTo(Integer.parseInt(lifetimes.group(1)) * 60);
        assertThat(realm.getInt("ssoSessionIdleTimeout")).isEqualTo(Integer.parseInt(lifetimes.group(2)) * 3600);
        assertThat(realm.getInt("ssoSessionMaxLifespan")).isEqualTo(Integer.parseInt(lifetimes.group(3)) * 3600);
    }

    @Test
    void theProvisioningClientHasOnlyTheUserManagementRolesItNeedsAndNoOtherWayIn() {
        JsonObject client = client("mend-provisioning");
        assertServiceAccountOnly(client);
        JsonObject account = serviceAccount("mend-provisioning");
        assertThat(strings(account.getJsonObject("clientRoles").getJsonArray("realm-management")))
                .containsExactlyInAnyOrder("manage-users", "view-users", "query-users", "view-realm");
        assertThat(strings(account.getJsonArray("realmRoles"))).isEmpty();
        assertThat(account.getJsonObject("clientRoles").keySet()).containsExactly("realm-management");
        // Its token carries those roles only through the scope mapping (fullScopeAllowed is off).
        JsonObject mapping = realm.getJsonObject("clientScopeMappings").getJsonArray("realm-management")
                .getValuesAs(JsonObject.class).stream().filter(m -> "mend-provisioning".equals(m.getString("client")))
                .findFirst().orElseThrow();
        assertThat(strings(mapping.getJsonArray("roles")))
                .containsExactlyInAnyOrder("manage-users", "view-users", "query-users", "view-realm");
    }

    @Test
    void theIntegrationClientGetsTokensForMendWithTheIntegrationRoleAndNothingElse() {
        JsonObject client = client("mend-integration");
        assertServiceAccountOnly(client);
        JsonObject account = serviceAccount("mend-integration");
        assertThat(strings(account.getJsonArray("realmRoles"))).containsExactly("integration");
        assertThat(account.containsKey("clientRoles")).isFalse();
        JsonObject scope = realm.getJsonArray("scopeMappings").getValuesAs(JsonObject.class).stream()
                .filter(m -> "mend-integration".equals(m.getString("client", ""))).findFirst().orElseThrow();
        assertThat(strings(scope.getJsonArray("roles"))).containsExactly("integration");
        assertThat(client.getJsonArray("protocolMappers").getValuesAs(JsonObject.class)).anySatisfy(mapper -> {
            assertThat(mapper.getString("protocolMapper")).isEqualTo("oidc-audience-mapper");
            assertThat(mapper.getJsonObject("config").getString("included.client.audience")).isEqualTo("mend");
        });
        assertThat(strings(client.getJsonArray("defaultClientScopes"))).contains("roles", "basic");
        assertThat(realm.getJsonObject("roles").getJsonArray("realm").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("name")).contains("integration");
    }

    @Test
    void theUserProfileAsksForAnEmailAddressAndNoNames() {
        JsonObject provider = realm.getJsonObject("components")
                .getJsonArray("org.keycloak.userprofile.UserProfileProvider").getJsonObject(0);
        assertThat(provider.getString("providerId")).isEqualTo("declarative-user-profile");
        JsonObject profile = Json.createReader(new java.io.StringReader(provider.getJsonObject("config")
                .getJsonArray("kc.user.profile.config").getString(0))).readObject();
        Map<String, JsonObject> attributes = profile.getJsonArray("attributes").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(a -> a.getString("name"), a -> a));
        assertThat(attributes).containsKeys("username", "email", "firstName", "lastName");
        // Mend is pseudonymous: an invited patient sets a password and is never asked for a legal name.
        assertThat(attributes.get("firstName").containsKey("required")).isFalse();
        assertThat(attributes.get("lastName").containsKey("required")).isFalse();
        assertThat(attributes.get("email").containsKey("required")).isTrue();
    }

    private static void assertServiceAccountOnly(JsonObject client) {
        String id = client.getString("clientId");
        assertThat(client.getBoolean("serviceAccountsEnabled")).as(id).isTrue();
        assertThat(client.getBoolean("publicClient")).as(id).isFalse();
        assertThat(client.getBoolean("standardFlowEnabled")).as(id).isFalse();
        assertThat(client.getBoolean("directAccessGrantsEnabled")).as(id).isFalse();
        assertThat(client.getBoolean("fullScopeAllowed")).as(id).isFalse();
        assertThat(client.getString("secret")).as(id + ": a development secret, replaced in production (README)")
                .endsWith("-local-development-secret");
    }

    private static JsonObject client(String clientId) {
        return realm.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .filter(c -> clientId.equals(c.getString("clientId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static JsonObject serviceAccount(String clientId) {
        return realm.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .filter(u -> clientId.equals(u.getString("serviceAccountClientId", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no service account for " + clientId));
    }

    private static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonObject flow(String alias) {
        return realm.getJsonArray("authenticationFlows").getValuesAs(JsonObject.class).stream()
                .filter(f -> alias.equals(f.getString("alias"))).findFirst()
                .orElseThrow(() -> new AssertionError("no flow " + alias));
    }

    private static List<JsonObject> executions(JsonObject flow) {
        return flow.getJsonArray("authenticationExecutions").getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> subflows(JsonObject flow) {
        return executions(flow).stream().filter(e -> e.containsKey("flowAlias")).toList();
    }

    private static boolean required(JsonObject flow, String authenticator) {
        return executions(flow).stream().anyMatch(e -> authenticator.equals(e.getString("authenticator", null))
                && "REQUIRED".equals(e.getString("requirement")));
    }

    private static List<JsonObject> conditionConfigs(JsonObject flow, String authenticator) {
        return executions(flow).stream()
                .filter(e -> authenticator.equals(e.getString("authenticator", null))
                        && e.get("authenticatorConfig") != null && e.get("authenticatorConfig") != JsonValue.NULL)
                .map(e -> config(e.getString("authenticatorConfig"))).toList();
    }

    private static JsonObject config(String alias) {
        return realm.getJsonArray("authenticatorConfig").getValuesAs(JsonObject.class).stream()
                .filter(c -> alias.equals(c.getString("alias"))).findFirst()
                .orElseThrow(() -> new AssertionError("no authenticator config " + alias)).getJsonObject("config");
    }
}
