package care.mend.it;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens issued by the test run's real Keycloak for the demo users of Mend's realm (password
 * {@code demo-<username>}). Tokens are cached briefly per user: they live five minutes.
 */
public final class Tokens {

    private record Cached(String token, long expiresAtMillis) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A valid access token for a demo user of Mend's realm (admin, supervisor, facilitator, patient1 ...). */
    public static String of(String username) {
        Cached cached = CACHE.get(username);
        if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis() + 30_000) {
            return cached.token();
        }
        // One login per user at a time: Keycloak re-hashes a password on login when the realm's policy changed (the
        // load harness changes it), and concurrent logins of one user then fail with "Invalid user credentials".
        return CACHE.compute(username, (user, current) ->
                current != null && current.expiresAtMillis() > System.currentTimeMillis() + 30_000 ? current
                        : new Cached(issue("mend", KeycloakAdmin.TEST_CLIENT, user),
                                System.currentTimeMillis() + 240_000)).token();
    }

    /** A token of the test client whose tokens live one second. */
    public static String shortLived(String username) {
        return issue("mend", KeycloakAdmin.SHORT_LIVED_CLIENT, username);
    }

    /** A token of Mend's realm whose audience does not name Mend. */
    public static String withoutMendAudience(String username) {
        return issue("mend", KeycloakAdmin.NO_AUDIENCE_CLIENT, username);
    }

    /** A token with the admin role, issued by another realm of the same Keycloak. */
    public static String fromOtherRealm() {
        return issue(KeycloakAdmin.OTHER_REALM, KeycloakAdmin.TEST_CLIENT, KeycloakAdmin.OTHER_REALM_USER);
    }

    private static String issue(String realm, String client, String username) {
        URI tokenEndpoint = URI.create(System.getProperty("mend.it.keycloak.url") + "/realms/" + realm
                + "/protocol/openid-connect/token");
        return KeycloakAdmin.postForm(tokenEndpoint, Map.of("grant_type", "password", "client_id", client,
                "username", username, "password", "demo-" + username)).getString("access_token");
    }
}
