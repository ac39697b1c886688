package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * Licensure of the place and the safety panel over the real socket and REST, with real Keycloak identities: the
 * demo facilitator licensed in Illinois only, patient3 saying they are in Indiana (flagged) and patient4 in Illinois
 * (not flagged). Admitting patient3 without a reason is refused with {@code LICENSURE_OVERRIDE_REQUIRED}; with one,
 * the reason, its author and time are on the sheet and the override in the access log; opening the safety panel is a
 * read of patient data in the access log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SafetyIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    private Api api;
    private URI signaling;
    private String origin;
    private final List<SignalingClient> clients = new ArrayList<>();

    @BeforeEach
    void endpoints() {
        api = Api.of(url);
        String port = System.getProperty("mend.it.http.port");
        origin = "http://127.0.0.1:" + port;
        signaling = URI.create("ws://127.0.0.1:" + port + "/signaling");
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SignalingClient::close);
    }

    @Test
    void aPatientOutsideLicensureWaitsFlaggedAndIsAdmittedOnlyWithAReasonThatGoesOnTheRecord() throws Exception {
        AccessFixture.on(api);
        Api admin = api.as("admin");
        LiveGroups live = LiveGroups.startedTenMinutesAgo(admin, "Safety",
                List.of(DemoIdentities.patient(3), DemoIdentities.patient(4)));
        String facilitatorId = admin.get("/api/staff?idpSubject=" + DemoIdentities.FACILITATOR).json()
                .getJsonArray("items").getJsonObject(0).getString("id");
        HttpResult badStates = admin.put("/api/staff/" + facilitatorId + "/licensed-states", "{\"states\":[\"ZZ\"]}");
        assertThat(badStates.status()).as(badStates.toString()).isEqualTo(400);
        HttpResult licensed = admin.put("/api/staff/" + facilitatorId + "/licensed-states", "{\"states\":[\"IL\"]}");
        assertThat(licensed.status()).as(licensed.toString()).isEqualTo(200);
        assertThat(licensed.json().getJsonArray("licensedStates").getString(0)).isEqualTo("IL");
        assertThat(api.as("facilitator").put("/api/staff/" + facilitatorId + "/licensed-states",
                "{\"states\":[]}").status()).isEqualTo(403);

        SignalingClient facilitator = connect("facilitator");
        join(facilitator, live.sessionId(), "f-join", null, null);

        // A jurisdiction that is not on the list is refused before anything is recorded.
        SignalingClient wrong = connect("patient3");
        wrong.send(("{\"type\":\"join\",\"requestId\":\"bad\",\"sessionId\":\"%s\",\"attestedLocation\":\"home\","
                + "\"attestedJurisdiction\":\"US-ZZ\"}").formatted(live.sessionId()));
        assertThat(reply(wrong, "bad").getString("code")).isEqualTo("INVALID_MESSAGE");
        wrong.close();

        SignalingClient outside = connect("patient3");
        String p3 = join(outside, live.sessionId(), "p3", "my cousin's in Terre Haute", "US-IN")
                .getString("participantId");
        SignalingClient inside = connect("patient4");
        String p4 = join(inside, live.sessionId(), "p4", "home", "US-IL").getString("participantId");

        JsonObject waiting = facilitator.await("both waiting", m -> "roomUpdated".equals(m.getString("type"))
                && m.getJsonObject("room").getJsonArray("waiting").size() == 2);
        JsonObject flagged = entryOf(waiting, p3);
        assertThat(flagged.getBoolean("outsideLicensure", false)).as(flagged.toString()).isTrue();
        assertThat(entryOf(waiting, p4).containsKey("outsideLicensure")).isFalse();

        // Without a reason: refused, and patient3 keeps waiting.
        facilitator.send("{\"type\":\"admit\",\"requestId\":\"a1\",\"participantId\":\"%s\"}".formatted(p3));
        JsonObject refused = reply(facilitator, "a1");
        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.getString("code")).isEqualTo("LICENSURE_OVERRIDE_REQUIRED");
        facilitator.send("{\"type\":\"admit\",\"requestId\":\"a2\",\"participantId\":\"%s\"}".formatted(p4));
        assertThat(reply(facilitator, "a2").getString("type")).isEqualTo("ok");

        String reason = "Visiting family out of state this week; continuity of care, supervisor informed";
        facilitator.send("{\"type\":\"admit\",\"requestId\":\"a3\",\"participantId\":\"%s\",\"overrideReason\":\"%s\"}"
                .formatted(p3, reason));
        assertThat(reply(facilitator, "a3").getString("type")).isEqualTo("ok");
        outside.await("admitted");

        // The override is on patient3's sheet line, with its author and time; patient4's line has none.
        String patient3 = live.patientIds().get(DemoIdentities.patient(3));
        String patient4 = live.patientIds().get(DemoIdentities.patient(4));
        JsonObject sheet = api.as("facilitator").get("/api/attendance/sessions/" + live.sessionId()).json();
        JsonObject line3 = lineOf(sheet, patient3);
        assertThat(line3.getString("attestedJurisdiction")).isEqualTo("US-IN");
        JsonObject override = line3.getJsonArray("licensureOverrides").getJsonObject(0);
        assertThat(override.getString("reason")).isEqualTo(reason);
        assertThat(override.getString("authorSubject")).isEqualTo(DemoIdentities.FACILITATOR);
        assertThat(override.getString("jurisdiction")).isEqualTo("US-IN");
        assertThat(override.containsKey("recordedAt")).isTrue();
        assertThat(lineOf(sheet, patient4).getJsonArray("licensureOverrides")).isEmpty();

        // ... and in the access log.
        JsonObject overrides = admin.get("/api/audit?action=ADMIT_OUTSIDE_LICENSURE&size=200").json();
        assertThat(overrides.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(e -> assertThat(e.toString()).contains(live.sessionId()).contains(patient3));

        // The safety panel, read when opened: stated place, emergency contact, the site's crisis instructions.
        HttpResult panel = api.as("facilitator").get("/api/sessions/" + live.sessionId() + "/safety/" + patient3);
        assertThat(panel.status()).as(panel.toString()).isEqualTo(200);
        JsonObject safety = panel.json();
        assertThat(safety.getString("statedLocation")).isEqualTo("my cousin's in Terre Haute");
        assertThat(safety.getString("jurisdiction")).isEqualTo("US-IN");
        assertThat(safety.getString("jurisdictionName")).isEqualTo("Indiana");
        assertThat(safety.getBoolean("outsideLicensure")).isTrue();
        assertThat(safety.getJsonObject("emergencyContact").getString("phone")).isNotBlank();
        assertThat(safety.getString("crisisInstructions")).contains("988").contains("911");
        // A patient, even of the group, may not open anyone's panel; the refusal is logged too.
        assertThat(api.as("patient4").get("/api/sessions/" + live.sessionId() + "/safety/" + patient3).status())
                .isEqualTo(403);
        eventually("the panel's reads are in the access log", () -> count(
                "select count(*) from access_audit where action = 'READ_SAFETY' and outcome = 'ALLOWED'"
                        + " and patient_id = '" + patient3 + "' and session_id = '" + live.sessionId() + "'") == 1
                && count("select count(*) from access_audit where action = 'READ_SAFETY' and outcome = 'DENIED'"
                        + " and session_id = '" + live.sessionId() + "'") == 1);

        // A site's own crisis instructions replace the default.
        String site = admin.get("/api/groups/" + live.groupId()).json().getString("siteId");
        HttpResult own = admin.put("/api/sites/" + site + "/crisis-instructions",
                "{\"instructions\":\"Call the site's on-call clinician at +1 555 0199, then 988\"}");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(api.as("facilitator").get("/api/sessions/" + live.sessionId() + "/safety/" + patient4).json()
                .getString("crisisInstructions")).startsWith("Call the site's on-call clinician");

        HttpResult unlicensed = admin.put("/api/staff/" + facilitatorId + "/licensed-states", "{\"states\":[]}");
        assertThat(unlicensed.status()).isEqualTo(200);
    }

    private SignalingClient connect(String username) throws Exception {
        HttpResult ticket = api.as(username).post("/api/signaling/tickets", "");
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(200);
        SignalingClient client = SignalingClient.open(signaling, origin,
                        List.of("mend.v1", "mend.ticket." + ticket.json().getString("ticket")))
                .get(SignalingClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (clients) {
            clients.add(client);
        }
        assertThat(client.next().getString("type")).isEqualTo("welcome");
        return client;
    }

    private static JsonObject join(SignalingClient client, String sessionId, String requestId, String location,
            String jurisdiction) throws Exception {
        String statement = location == null ? ""
                : ",\"attestedLocation\":\"%s\",\"attestedJurisdiction\":\"%s\"".formatted(location, jurisdiction);
        client.send("{\"type\":\"join\",\"requestId\":\"%s\",\"sessionId\":\"%s\"%s}".formatted(requestId, sessionId,
                statement));
        JsonObject reply = reply(client, requestId);
        assertThat(reply.getString("type")).as(reply.toString()).isEqualTo("joined");
        return reply;
    }

    private static JsonObject reply(SignalingClient client, String requestId) throws InterruptedException {
        return client.await("reply to " + requestId, m -> requestId.equals(m.getString("requestId", null)));
    }

    private static JsonObject entryOf(JsonObject roomUpdated, String participantId) {
        return roomUpdated.getJsonObject("room").getJsonArray("waiting").getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("participantId").equals(participantId)).findFirst().orElseThrow();
    }

    private static JsonObject lineOf(JsonObject sheet, String patientId) {
        return sheet.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(line -> line.getString("patientId").equals(patientId)).findFirst().orElseThrow();
    }

    private static int count(String sql) {
        try (Connection db = DriverManager.getConnection(System.getProperty("mend.it.db.url"),
                System.getProperty("mend.it.db.user"), System.getProperty("mend.it.db.password"));
             var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void eventually(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS))
                    .get(1, TimeUnit.SECONDS);
        }
    }
}
