package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Telehealth consent and the group agreement over the real socket and REST, with real Keycloak identities (cons01,
 * cons02): a patient's join is refused with {@code CONSENT_REQUIRED} while the program has no texts, and while the
 * patient has not accepted both current texts; allowed after; refused again after a withdrawal and after a new
 * version (the old one then refused as stale); the facilitator is never asked; staff read the decisions on the record,
 * and each decision and read is in the access log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    private Api api;
    private final List<SignalingClient> clients = new ArrayList<>();

    @BeforeEach
    void endpoints() {
        api = Api.of(url);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SignalingClient::close);
    }

    @Test
    void theRoomRefusesAJoinWithoutTheCurrentConsentAndAllowsItAfter() throws Exception {
        AccessFixture.on(api);
        Api admin = api.as("admin");
        String subject = KeycloakAdmin.consentSubject(1);
        String user = KeycloakAdmin.consentUser(1);
        LiveGroups live = LiveGroups.startedTenMinutesAgo(admin, "Consent", List.of(subject), false);
        String patientId = live.patientIds().get(subject);
        Api patient = api.as(user);

        // No text published: nothing to accept, and no join (the clinically safer reading); staff are not asked.
        JsonObject none = patient.get("/api/me/consents?sessionId=" + live.sessionId()).json();
        assertThat(none.getBoolean("satisfied")).isFalse();
        JsonObject program = none.getJsonArray("programs").getJsonObject(0);
        assertThat(program.getString("programId")).isEqualTo(live.programId());
        assertThat(program.getJsonArray("kinds").getValuesAs(JsonObject.class))
                .extracting(k -> k.getString("state")).containsOnly("NOT_PUBLISHED");
        SignalingClient facilitator = connect("facilitator");
        assertThat(facilitator.join(live.sessionId(), "f-join").getString("type")).isEqualTo("joined");
        assertJoinRefused(live, "r1");

        // Publishing: admins only, validated, numbered.
        String body = "{\"kind\":\"TELEHEALTH_CONSENT\",\"title\":\"Video\",\"body\":\"Line one.\\n\\nLine two.\"}";
        assertThat(api.as("facilitator").post("/api/programs/" + live.programId() + "/consent-texts", body).status())
                .isEqualTo(403);
        HttpResult blank = admin.post("/api/programs/" + live.programId() + "/consent-texts",
                "{\"kind\":\"GROUP_AGREEMENT\",\"title\":\" \",\"body\":\"x\"}");
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        HttpResult published = admin.post("/api/programs/" + live.programId() + "/consent-texts", body);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonObject telehealth = published.json();
        assertThat(telehealth.getInt("version")).isEqualTo(1);
        assertThat(telehealth.getString("body")).isEqualTo("Line one.\n\nLine two.");
        JsonObject agreement = Consent.publish(admin, live.programId(), "GROUP_AGREEMENT", "Stays in the group.");

        // Accepting one is not enough; both, and the join is allowed.
        JsonObject asked = patient.get("/api/me/consents?sessionId=" + live.sessionId()).json()
                .getJsonArray("programs").getJsonObject(0);
        assertThat(asked.getJsonArray("kinds").getValuesAs(JsonObject.class))
                .extracting(k -> k.getString("state")).containsOnly("NOT_ACCEPTED");
        assertThat(accept(patient, telehealth).status()).isEqualTo(200);
        assertJoinRefused(live, "r2");
        HttpResult both = accept(patient, agreement);
        assertThat(both.status()).as(both.toString()).isEqualTo(200);
        assertThat(both.json().getBoolean("satisfied")).isTrue();
        SignalingClient first = connect(user);
        assertThat(first.join(live.sessionId(), "j1").getString("type")).isEqualTo("joined");
        first.send("{\"type\":\"leave\",\"requestId\":\"l1\"}");
        first.await("left", m -> "l1".equals(m.getString("requestId", null)));

        // Withdrawn: refused at the next join; the staff see it on the record.
        HttpResult withdrawn = patient.post("/api/me/consents/withdraw",
                "{\"programId\":\"" + live.programId() + "\"}");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().getBoolean("satisfied")).isFalse();
        assertJoinRefused(live, "r3");
        HttpResult again = patient.post("/api/me/consents/withdraw", "{\"programId\":\"" + live.programId() + "\"}");
        assertThat(again.problemCode()).isEqualTo("CONSENT_NOT_GIVEN");
        JsonObject record = api.as("facilitator").get("/api/patients/" + patientId + "/consents").json();
        assertThat(record.getJsonArray("programs").getJsonObject(0).getJsonArray("kinds")
                .getValuesAs(JsonObject.class)).extracting(k -> k.getString("state")).containsOnly("WITHDRAWN");
        assertThat(record.getJsonArray("history").getValuesAs(JsonObject.class))
                .extracting(d -> d.getString("decision")).containsExactly("WITHDRAWN", "WITHDRAWN", "ACCEPTED",
                        "ACCEPTED");

        // Accepted again, then a new version of the agreement: the old one is stale, the join refused until the new
        // one is accepted.
        accept(patient, telehealth);
        accept(patient, agreement);
        JsonObject agreement2 = Consent.publish(admin, live.programId(), "GROUP_AGREEMENT", "Version two.");
        assertThat(agreement2.getInt("version")).isEqualTo(2);
        HttpResult stale = accept(patient, agreement);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemCode()).isEqualTo("CONSENT_VERSION_STALE");
        assertJoinRefused(live, "r4");
        JsonObject newVersion = patient.get("/api/me/consents").json().getJsonArray("programs")
                .getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("programId").equals(live.programId())).findFirst().orElseThrow();
        assertThat(newVersion.getJsonArray("kinds").getJsonObject(1).getString("state")).isEqualTo("NEW_VERSION");
        assertThat(newVersion.getJsonArray("kinds").getJsonObject(1).getInt("acceptedVersion")).isEqualTo(1);
        assertThat(accept(patient, agreement2).status()).isEqualTo(200);
        SignalingClient second = connect(user);
        assertThat(second.join(live.sessionId(), "j2").getString("type")).isEqualTo("joined");

        // Who may: another patient neither accepts here nor reads the record; the log has every step.
        Api other = api.as(KeycloakAdmin.consentUser(2));
        LiveGroups.patientRecord(admin, KeycloakAdmin.consentSubject(2));
        assertThat(accept(other, agreement2).status()).isEqualTo(403);
        assertThat(other.get("/api/patients/" + patientId + "/consents").status()).isEqualTo(403);
        assertThat(patient.get("/api/patients/" + patientId + "/consents").status()).isEqualTo(403);
        assertThat(api.as("supervisor").get("/api/patients/" + patientId + "/consents").status()).isEqualTo(403);
        assertThat(logged(admin, "ACCEPT_CONSENT", patientId)).isGreaterThanOrEqualTo(5);
        assertThat(logged(admin, "WITHDRAW_CONSENT", patientId)).isGreaterThanOrEqualTo(1);
        assertThat(logged(admin, "READ_CONSENT", patientId)).isGreaterThanOrEqualTo(1);
        assertThat(admin.get("/api/audit?action=JOIN_ROOM&outcome=DENIED&patientId=" + patientId + "&size=200")
                .json().getJsonArray("items")).hasSize(4);
        assertThat(admin.get("/api/audit?action=PUBLISH_CONSENT_TEXT&size=200").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).anySatisfy(e -> assertThat(e.toString()).contains(live.programId()));
    }

    private void assertJoinRefused(LiveGroups live, String requestId) throws Exception {
        SignalingClient refused = connect(KeycloakAdmin.consentUser(1));
        refused.send("{\"type\":\"join\",\"requestId\":\"%s\",\"sessionId\":\"%s\"}".formatted(requestId,
                live.sessionId()));
        JsonObject reply = refused.await("reply to " + requestId,
                m -> requestId.equals(m.getString("requestId", null)));
        assertThat(reply.getString("type")).as(reply.toString()).isEqualTo("error");
        assertThat(reply.getString("code")).isEqualTo("CONSENT_REQUIRED");
        refused.close();
    }

    private static HttpResult accept(Api patient, JsonObject text) {
        return patient.post("/api/me/consents", "{\"textId\":\"%s\",\"version\":%d}".formatted(text.getString("id"),
                text.getInt("version")));
    }

    private static int logged(Api admin, String action, String patientId) {
        return admin.get("/api/audit?action=" + action + "&patientId=" + patientId + "&size=200").json()
                .getJsonArray("items").size();
    }

    private SignalingClient connect(String username) throws Exception {
        SignalingClient client = SignalingClient.connect(api, username);
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }
}
