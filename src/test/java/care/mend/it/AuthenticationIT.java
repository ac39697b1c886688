package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bearer tokens at the door, with real Keycloak tokens: only a valid, unexpired token of Mend's realm, signed
 * by its key and naming Mend in its audience, gets in. Each refusal is a 401 and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthenticationIT {

    private static final String NEW_SITE = "{\"name\":\"Intruder Clinic\",\"city\":\"Nowhere\",\"state\":\"TN\","
            + "\"timeZone\":\"America/Chicago\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    Api anonymous;

    @BeforeEach
    void client() {
        anonymous = Api.of(url);
    }

    @Test
    void aValidTokenIsAccepted() {
        HttpResult me = anonymous.as("admin").get("/api/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getJsonArray("roles").getString(0)).isEqualTo("admin");
    }

    @Test
    void noTokenIsRefused() {
        assertRefusedAndNothingChanged(anonymous);
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        String token = Tokens.shortLived("admin");
        long expiresAt = claims(token).getJsonNumber("exp").longValue();
        // The token's own expiry (one second after issue) plus a margin; not a timing assertion.
        long waitMillis = (expiresAt + 2) * 1000 - System.currentTimeMillis();
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        assertThat(Instant.now().getEpochSecond()).isGreaterThan(expiresAt);

        assertRefusedAndNothingChanged(anonymous.withToken(token));
    }

    @Test
    void aTokenFromAnotherRealmIsRefused() {
        assertRefusedAndNothingChanged(anonymous.withToken(Tokens.fromOtherRealm()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = Tokens.withoutMendAudience("admin");
        assertThat(claims(token).toString()).doesNotContain("\"mend\"");

        assertRefusedAndNothingChanged(anonymous.withToken(token));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = Tokens.of("patient1").split("\\.");
        JsonObject claims = claims(parts[1]);
        // Promote the patient to admin without the realm's key.
        JsonObject forged = Json.createObjectBuilder(claims)
                .add("realm_access", Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("admin")))
                .build();
        String token = parts[0] + "." + encode(forged.toString()) + "." + parts[2];

        assertRefusedAndNothingChanged(anonymous.withToken(token));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = Tokens.of("admin").split("\\.");
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        assertRefusedAndNothingChanged(anonymous.withToken(header + "." + parts[1] + "."));
    }

    @Test
    void aTokenInTheQueryStringIsIgnored() {
        HttpResult result = anonymous.get("/api/me?access_token=" + Tokens.of("admin"));

        assertThat(result.status()).isEqualTo(401);
    }

    private void assertRefusedAndNothingChanged(Api caller) {
        long sitesBefore = anonymous.as("admin").get("/api/sites?size=1").json().getInt("total");

        assertThat(caller.get("/api/me").status()).isEqualTo(401);
        assertThat(caller.get("/api/sites").status()).isEqualTo(401);
        assertThat(caller.post("/api/sites", NEW_SITE).status()).isEqualTo(401);

        assertThat(anonymous.as("admin").get("/api/sites?size=1").json().getInt("total")).isEqualTo(sitesBefore);
    }

    private static JsonObject claims(String tokenOrPayload) {
        String payload = tokenOrPayload.contains(".") ? tokenOrPayload.split("\\.")[1] : tokenOrPayload;
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
