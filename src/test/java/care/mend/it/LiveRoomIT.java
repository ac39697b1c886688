package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * Live rooms over the real socket, with real Keycloak identities: the demo facilitator and patients 3 and 4 in a group
 * whose session is happening now (the group meets today in a zone where the session starts ten minutes ago and lasts
 * three hours), and patient2, who belongs to another group.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveRoomIT {

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

    private LiveGroups liveGroup() {
        return liveGroup(List.of(DemoIdentities.patient(3), DemoIdentities.patient(4)));
    }

    private LiveGroups liveGroup(List<String> patientSubjects) {
        AccessFixture.on(api); // patient2 in another group
        return LiveGroups.startedTenMinutesAgo(api.as("admin"), "Live", patientSubjects);
    }

    private static String enrol(Api admin, String program, String group, String subject, LocalDate from) {
        return LiveGroups.enrol(admin, program, group, subject, from);
    }

    private static String locationOn(JsonObject sheet, String patientId) {
        return lineOf(sheet, patientId).getString("attestedLocation", null);
    }

    private static JsonObject lineOf(JsonObject sheet, String patientId) {
        return sheet.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(line -> line.getString("patientId").equals(patientId)).findFirst().orElseThrow();
    }

    private static String patientRecord(Api admin, String subject) {
        return LiveGroups.patientRecord(admin, subject);
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

    private static JsonObject join(SignalingClient client, String sessionId, String requestId) throws Exception {
        client.send("{\"type\":\"join\",\"requestId\":\"%s\",\"sessionId\":\"%s\"}".formatted(requestId, sessionId));
        JsonObject reply = client.await("reply to " + requestId,
                m -> requestId.equals(m.getString("requestId", null)));
        assertThat(reply.getString("type")).as(reply.toString()).isEqualTo("joined");
        return reply;
    }

    private static JsonObject reply(SignalingClient client, String requestId) throws InterruptedException {
        return client.await("reply to " + requestId, m -> requestId.equals(m.getString("requestId", null)));
    }

    /** A {@code roomUpdated} in which the participant is in the list and satisfies the condition. */
    private static JsonObject roomWhere(SignalingClient client, String list, String participantId, String flag,
            boolean value) throws InterruptedException {
        return client.await(list + " with " + flag + "=" + value, m -> "roomUpdated".equals(m.getString("type"))
                && m.getJsonObject("room").getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("participantId").equals(participantId)
                        && (flag == null || p.getBoolean(flag) == value)));
    }

    /** The participant's entry in one list of a {@code roomUpdated}. */
    private static JsonObject entryOf(JsonObject roomUpdated, String list, String participantId) {
        return roomUpdated.getJsonObject("room").getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("participantId").equals(participantId)).findFirst().orElseThrow();
    }

    private void eventually(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            // The server records these after the fact, on its own threads: poll, with a bounded wait between.
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS))
                    .get(1, TimeUnit.SECONDS);
        }
    }

    private String sessionStatus(String sessionId) {
        return api.as("admin").get("/api/sessions/" + sessionId).json().getString("status");
    }

    private static List<String> query(String sql, String parameter) {
        try (Connection db = DriverManager.getConnection(System.getProperty("mend.it.db.url"),
                System.getProperty("mend.it.db.user"), System.getProperty("mend.it.db.password"));
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(parameter));
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- a whole session ----

    @Test
    void aWholeSessionWithWaitingRoomControlsAReconnectAndTheEnd() throws Exception {
        LiveGroups live = liveGroup();
        SignalingClient facilitator = connect("facilitator");
        JsonObject fJoined = join(facilitator, live.sessionId(), "f-join");
        assertThat(fJoined.getString("role")).isEqualTo("FACILITATOR");
        assertThat(fJoined.getString("status")).isEqualTo("PRESENT");
        assertThat(fJoined.toString()).doesNotContain(DemoIdentities.FACILITATOR);
        String f = fJoined.getString("participantId");
        eventually("the session is LIVE", () -> "LIVE".equals(sessionStatus(live.sessionId())));

        SignalingClient patient = connect("patient3");
        patient.send("{\"type\":\"join\",\"requestId\":\"p-join\",\"sessionId\":\"%s\",\"attestedLocation\":\"%s\"}"
                .formatted(live.sessionId(), " Home, Coles County "));
        JsonObject pJoined = reply(patient, "p-join");
        assertThat(pJoined.getString("type")).as(pJoined.toString()).isEqualTo("joined");
        String p = pJoined.getString("participantId");
        assertThat(pJoined.getString("status")).isEqualTo("WAITING");
        assertThat(pJoined.getJsonObject("room").getJsonArray("participants")).isEmpty();
        // The facilitator sees who is waiting by the name the group uses, with the record to link to.
        JsonObject patient3Record = api.as("admin").get("/api/patients/"
                + patientRecord(api.as("admin"), DemoIdentities.patient(3))).json();
        JsonObject waitingEntry = entryOf(roomWhere(facilitator, "waiting", p, null, false), "waiting", p);
        assertThat(waitingEntry.getString("name")).isEqualTo(patient3Record.getString("chosenName"));
        assertThat(waitingEntry.getString("role")).isEqualTo("PATIENT");
        assertThat(waitingEntry.getString("recordName")).isEqualTo(patient3Record.getString("displayName"));
        assertThat(waitingEntry.getString("patientId")).isEqualTo(patient3Record.getString("id"));

        facilitator.send("{\"type\":\"admit\",\"requestId\":\"a1\",\"participantId\":\"%s\"}".formatted(p));
        assertThat(reply(facilitator, "a1").getString("type")).isEqualTo("ok");
        patient.await("admitted");
        roomWhere(patient, "participants", p, null, false);
        // While the session runs, the live sheet counts up to now: minutes, not the rest of the three hours.
        String patient3 = patientRecord(api.as("admin"), DemoIdentities.patient(3));
        String liveSheet = "/api/attendance/sessions/" + live.sessionId();
        eventually("the admission is on the live sheet", () -> lineOf(api.as("facilitator").get(liveSheet).json(),
                patient3).containsKey("firstAdmitted"));
        JsonObject liveLine = lineOf(api.as("facilitator").get(liveSheet).json(), patient3);
        assertThat(liveLine.getInt("minutesPresent")).isLessThanOrEqualTo(5);
        // Not PARTIAL after a few minutes: no status until the end, only where the patient is.
        assertThat(liveLine.containsKey("status")).as(liveLine.toString()).isFalse();
        assertThat(liveLine.getString("liveState")).isEqualTo("IN_ROOM");
        assertThat(liveLine.containsKey("liveSince")).isTrue();

        SignalingClient other = connect("patient4");
        String o = join(other, live.sessionId(), "o-join").getString("participantId");
        facilitator.send("{\"type\":\"admit\",\"requestId\":\"a2\",\"participantId\":\"%s\"}".formatted(o));
        assertThat(reply(facilitator, "a2").getString("type")).isEqualTo("ok");
        roomWhere(patient, "participants", o, null, false);
        // Another patient sees patient3 by name only: no record name, no record id.
        JsonObject seenByOther = roomWhere(other, "participants", p, null, false);
        JsonObject patient3AsSeen = entryOf(seenByOther, "participants", p);
        assertThat(patient3AsSeen.getString("name")).isEqualTo(patient3Record.getString("chosenName"));
        assertThat(patient3AsSeen.containsKey("recordName")).isFalse();
        assertThat(patient3AsSeen.containsKey("patientId")).isFalse();
        assertThat(seenByOther.toString()).doesNotContain(patient3Record.getString("id"));
        assertThat(entryOf(seenByOther, "participants", f).getString("role")).isEqualTo("FACILITATOR");
        assertThat(entryOf(seenByOther, "participants", f).getString("name")).isNotBlank();

        patient.send("{\"type\":\"raiseHand\",\"requestId\":\"h1\"}");
        assertThat(reply(patient, "h1").getString("type")).isEqualTo("ok");
        roomWhere(facilitator, "participants", p, "handRaised", true);

        facilitator.send("{\"type\":\"askToMute\",\"requestId\":\"m1\",\"participantId\":\"%s\"}".formatted(p));
        assertThat(reply(facilitator, "m1").getString("type")).isEqualTo("ok");
        assertThat(patient.await("muteRequested").getString("by")).isEqualTo(f);

        facilitator.send("{\"type\":\"admit\",\"requestId\":\"a3\",\"participantId\":\"nobody\"}");
        assertThat(reply(facilitator, "a3").getString("code")).isEqualTo("UNKNOWN_PARTICIPANT");
        patient.send("{\"type\":\"lock\",\"requestId\":\"l1\"}");
        assertThat(reply(patient, "l1").getString("code")).isEqualTo("NOT_A_FACILITATOR");
        patient.send("{\"type\":\"publish\",\"requestId\":\"pub\",\"sdpOffer\":\"v=0\\r\\n\"}");
        // The stand-in refuses an offer that is no SDP: a media failure the client may retry, not "no media at all".
        assertThat(reply(patient, "pub").getString("code")).isEqualTo("MEDIA_FAILED");

        // The patient's socket goes; the others see the seat held.
        String token = pJoined.getString("resumeToken");
        patient.close();
        patient.awaitClose();
        roomWhere(facilitator, "participants", p, "reconnecting", true);
        roomWhere(other, "participants", p, "reconnecting", true);

        SignalingClient back = connect("patient3");
        back.send("{\"type\":\"resume\",\"requestId\":\"r1\",\"sessionId\":\"%s\",\"resumeToken\":\"%s\"}"
                .formatted(live.sessionId(), token));
        JsonObject resumed = reply(back, "r1");
        assertThat(resumed.getString("type")).as(resumed.toString()).isEqualTo("resumed");
        assertThat(resumed.getString("participantId")).isEqualTo(p);
        assertThat(resumed.getString("status")).isEqualTo("PRESENT");
        roomWhere(facilitator, "participants", p, "reconnecting", false);

        facilitator.send("{\"type\":\"endSession\",\"requestId\":\"end\"}");
        for (SignalingClient client : List.of(facilitator, back, other)) {
            assertThat(client.await("dismissed").getString("reason")).isEqualTo("SESSION_ENDED");
        }
        assertThat(reply(facilitator, "end").getString("type")).isEqualTo("ok");
        eventually("the session is ENDED", () -> "ENDED".equals(sessionStatus(live.sessionId())));
        eventually("presence events are stored", () -> query(
                "select kind from presence_event where session_id = ?", live.sessionId())
                .containsAll(List.of("ADMITTED", "CONNECTION_LOST", "RESUMED", "SESSION_ENDED")));

        // The stated location is on the live sheet, then on the signed record and in the export.
        String sheet = "/api/attendance/sessions/" + live.sessionId();
        String patientId = patientRecord(api.as("admin"), DemoIdentities.patient(3));
        assertThat(locationOn(api.as("facilitator").get(sheet).json(), patientId)).isEqualTo("Home, Coles County");
        HttpResult signed = api.as("facilitator").post(sheet + "/sign-off", "{}");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(locationOn(signed.json(), patientId)).isEqualTo("Home, Coles County");
        String csv = api.as("facilitator").accepting("text/csv")
                .get("/api/attendance/report.csv?groupId=" + live.groupId()).body();
        assertThat(List.of(csv.lines().findFirst().orElseThrow().split(","))).contains("attested_location");
        assertThat(csv).contains(",\"Home, Coles County\"");

        SignalingClient late = connect("patient4");
        late.send("{\"type\":\"join\",\"requestId\":\"late\",\"sessionId\":\"%s\"}".formatted(live.sessionId()));
        assertThat(reply(late, "late").getString("code")).isEqualTo("SESSION_ENDED");
    }

    @Test
    void everyControlReachesTheOthersOverRealSockets() throws Exception {
        LiveGroups live = liveGroup(List.of(DemoIdentities.patient(3), DemoIdentities.patient(4),
                DemoIdentities.patient(5)));
        SignalingClient facilitator = connect("facilitator");
        String f = join(facilitator, live.sessionId(), "f").getString("participantId");
        SignalingClient p3 = connect("patient3");
        String a = join(p3, live.sessionId(), "j3").getString("participantId");

        // Declined: out of the waiting room, free to ask again, and admitted the second time.
        facilitator.send(command("decline", "d1", a));
        assertThat(reply(facilitator, "d1").getString("type")).isEqualTo("ok");
        assertThat(p3.await("dismissed").getString("reason")).isEqualTo("DECLINED");
        a = join(p3, live.sessionId(), "j3b").getString("participantId");
        facilitator.send(command("admit", "a1", a));
        p3.await("admitted");
        SignalingClient p4 = connect("patient4");
        String b = join(p4, live.sessionId(), "j4").getString("participantId");
        facilitator.send(command("admit", "a2", b));
        p4.await("admitted");

        // Audio-only is seen by the facilitator.
        p3.send("{\"type\":\"setAudioOnly\",\"requestId\":\"ao\",\"enabled\":true}");
        assertThat(reply(p3, "ao").getString("type")).isEqualTo("ok");
        roomWhere(facilitator, "participants", a, "audioOnly", true);

        // Mute all: every patient is told; only the patient can unmute.
        facilitator.send("{\"type\":\"muteAll\",\"requestId\":\"ma\"}");
        // (await drops what it skips: the room's update comes before the reply.)
        roomWhere(facilitator, "participants", a, "muted", true);
        assertThat(reply(facilitator, "ma").getString("type")).isEqualTo("ok");
        assertThat(p3.await("muted").getString("by")).isEqualTo(f);
        assertThat(p4.await("muted").getString("by")).isEqualTo(f);
        facilitator.send(command("unmute", "um", a));
        assertThat(reply(facilitator, "um").getString("code")).isEqualTo("NOT_ALLOWED");
        p3.send(command("unmute", "um3", a));
        assertThat(reply(p3, "um3").getString("type")).isEqualTo("ok");
        roomWhere(facilitator, "participants", a, "muted", false);

        // A locked room takes no new patient.
        facilitator.send("{\"type\":\"lock\",\"requestId\":\"lk\"}");
        assertThat(reply(facilitator, "lk").getString("type")).isEqualTo("ok");
        SignalingClient p5 = connect("patient5");
        p5.send("{\"type\":\"join\",\"requestId\":\"j5\",\"sessionId\":\"%s\"}".formatted(live.sessionId()));
        assertThat(reply(p5, "j5").getString("code")).isEqualTo("ROOM_LOCKED");
        facilitator.send("{\"type\":\"unlock\",\"requestId\":\"ul\"}");
        assertThat(reply(facilitator, "ul").getString("type")).isEqualTo("ok");
        assertThat(join(p5, live.sessionId(), "j5b").getString("status")).isEqualTo("WAITING");

        // Removed and barred: out, and refused for the rest of the session.
        facilitator.send("{\"type\":\"remove\",\"requestId\":\"rm\",\"participantId\":\"%s\",\"bar\":true}"
                .formatted(b));
        assertThat(reply(facilitator, "rm").getString("type")).isEqualTo("ok");
        assertThat(p4.await("dismissed").getString("reason")).isEqualTo("REMOVED_AND_BARRED");
        p4.send("{\"type\":\"join\",\"requestId\":\"j4b\",\"sessionId\":\"%s\"}".formatted(live.sessionId()));
        assertThat(reply(p4, "j4b").getString("code")).isEqualTo("REMOVED_FROM_SESSION");

        // Leaving twice is harmless.
        p3.send("{\"type\":\"leave\",\"requestId\":\"l1\"}");
        assertThat(p3.await("dismissed").getString("reason")).isEqualTo("LEFT");
        assertThat(reply(p3, "l1").getString("type")).isEqualTo("ok");
        p3.send("{\"type\":\"leave\",\"requestId\":\"l2\"}");
        assertThat(reply(p3, "l2").getString("type")).isEqualTo("ok");
        // The facilitator is left alone in the room, with patient5 waiting.
        JsonObject after = facilitator.await("the room with only the facilitator seated",
                m -> "roomUpdated".equals(m.getString("type"))
                        && m.getJsonObject("room").getJsonArray("participants").size() == 1).getJsonObject("room");
        assertThat(after.getJsonArray("participants").getJsonObject(0).getString("participantId")).isEqualTo(f);
        assertThat(after.getJsonArray("waiting")).hasSize(1);
        eventually("leaving and removal are stored", () -> query(
                "select kind from presence_event where session_id = ?", live.sessionId())
                .containsAll(List.of("ADMITTED", "LEFT")));
    }

    private static String command(String type, String requestId, String participantId) {
        return "{\"type\":\"%s\",\"requestId\":\"%s\",\"participantId\":\"%s\"}".formatted(type, requestId,
                participantId);
    }

    // ---- refusals ----

    @Test
    void theThirteenthPatientIsRefusedWithRoomFullAndTheRoomIsUnchanged() throws Exception {
        List<String> twelve = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            twelve.add(KeycloakAdmin.crowdSubject(n));
        }
        LiveGroups live = liveGroup(twelve);
        SignalingClient facilitator = connect("facilitator");
        join(facilitator, live.sessionId(), "f-join");
        List<SignalingClient> seated = new ArrayList<>();
        List<String> seatedIds = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            SignalingClient patient = connect(KeycloakAdmin.crowdUser(n));
            String id = join(patient, live.sessionId(), "j" + n).getString("participantId");
            facilitator.send("{\"type\":\"admit\",\"requestId\":\"a%d\",\"participantId\":\"%s\"}".formatted(n, id));
            assertThat(reply(facilitator, "a" + n).getString("type")).isEqualTo("ok");
            patient.await("admitted");
            seated.add(patient);
            seatedIds.add(id);
        }
        // Mid-session, the first patient moves to another group (their membership ended yesterday) and a new
        // patient takes the group place from today: twelve members today, but twelve patients still seated.
        Api admin = api.as("admin");
        HttpResult ended = admin.post("/api/memberships/" + live.membershipIds().get(0) + "/end",
                "{\"toDate\":\"%s\",\"reason\":\"transferred\"}".formatted(live.day().minusDays(1)));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        enrol(admin, live.programId(), live.groupId(), KeycloakAdmin.crowdSubject(13), live.day());
        Consent.giveAll(admin, live.programId(), List.of(KeycloakAdmin.crowdSubject(13)));

        SignalingClient thirteenth = connect(KeycloakAdmin.crowdUser(13));
        thirteenth.send("{\"type\":\"join\",\"requestId\":\"j13\",\"sessionId\":\"%s\"}".formatted(live.sessionId()));
        JsonObject refused = reply(thirteenth, "j13");

        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.getString("code")).isEqualTo("ROOM_FULL");
        assertThat(thirteenth.isClosed()).isFalse();
        // The room is as it was: the next update anyone sees still has the twelve seated and nobody waiting.
        seated.get(1).send("{\"type\":\"raiseHand\",\"requestId\":\"h\"}");
        JsonObject room = roomWhere(facilitator, "participants", seatedIds.get(1), "handRaised", true)
                .getJsonObject("room");
        assertThat(room.getJsonArray("participants").getValuesAs(JsonObject.class))
                .filteredOn(p -> "PATIENT".equals(p.getString("role")))
                .extracting(p -> p.getString("participantId")).containsExactlyInAnyOrderElementsOf(seatedIds);
        assertThat(room.getJsonArray("waiting")).isEmpty();
    }

    @Test
    void aPatientOfAnotherGroupIsRefusedAndTheRefusalIsAudited() throws Exception {
        LiveGroups live = liveGroup();
        SignalingClient stranger = connect("patient2");

        stranger.send("{\"type\":\"join\",\"requestId\":\"j\",\"sessionId\":\"%s\"}".formatted(live.sessionId()));
        JsonObject refused = reply(stranger, "j");

        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.getString("code")).isEqualTo("ACCESS_DENIED");
        assertThat(query("select outcome from access_audit where action = 'JOIN_ROOM' and group_id = ?::uuid",
                live.groupId())).contains("DENIED");
        stranger.send("{\"type\":\"join\",\"requestId\":\"j2\",\"sessionId\":\"%s\"}".formatted(UUID.randomUUID()));
        assertThat(reply(stranger, "j2").getString("code")).isEqualTo("SESSION_NOT_FOUND");
        assertThat(stranger.isClosed()).isFalse();
    }

    @Test
    void badInputIsAnsweredWithStableCodesAndTheSocketStaysOpen() throws Exception {
        SignalingClient client = connect("facilitator");

        client.send("{\"type\":");
        assertThat(client.next().getString("code")).isEqualTo("MALFORMED_MESSAGE");
        client.send("{\"type\":\"dance\",\"requestId\":\"u\"}");
        JsonObject unknown = client.next();
        assertThat(unknown.getString("code")).isEqualTo("UNKNOWN_TYPE");
        assertThat(unknown.getString("requestId")).isEqualTo("u");
        client.send("{\"type\":\"join\",\"requestId\":\"m\"}");
        assertThat(client.next().getString("code")).isEqualTo("INVALID_MESSAGE");
        client.send("{\"type\":\"setAudioOnly\",\"requestId\":\"w\",\"enabled\":\"yes\"}");
        assertThat(client.next().getString("code")).isEqualTo("INVALID_MESSAGE");
        client.send("{\"type\":\"raiseHand\",\"requestId\":\"n\"}");
        assertThat(client.next().getString("code")).isEqualTo("NOT_IN_ROOM");
        client.send("{\"type\":\"publish\",\"requestId\":\"big\",\"sdpOffer\":\"" + "a".repeat(70 * 1024) + "\"}");
        assertThat(client.next().getString("code")).isEqualTo("FRAME_TOO_LARGE");

        client.send("{\"type\":\"raiseHand\",\"requestId\":\"still-open\"}");
        assertThat(client.next().getString("requestId")).isEqualTo("still-open");
        assertThat(client.isClosed()).isFalse();
    }

    @Test
    void aFrameBeyondWhatTheContainerBuffersNeverReachesTheRoom() throws Exception {
        SignalingClient client = connect("facilitator");

        client.send("{\"type\":\"join\",\"requestId\":\"huge\",\"sessionId\":\"" + UUID.randomUUID()
                + "\",\"padding\":\"" + "a".repeat(300 * 1024) + "\"}");
        try {
            client.send("{\"type\":\"raiseHand\",\"requestId\":\"after\"}");
        } catch (RuntimeException closedMeanwhile) {
            // the container closed the socket: checked below
        }

        // The container either closes the socket with 1009 or drops the frame; it is never read as a message.
        JsonObject next;
        try {
            next = client.await("a message", m -> true);
        } catch (AssertionError closed) {
            assertThat(client.awaitClose().code()).isEqualTo(1009);
            return;
        }
        assertThat(next.getString("requestId", null)).isNotEqualTo("huge");
        if (!"after".equals(next.getString("requestId", null))) {
            assertThat(next.getString("code")).isEqualTo("FRAME_TOO_LARGE");
        }
    }

    @Test
    void aFloodIsRateLimitedAndThenClosedWith1008() throws Exception {
        SignalingClient client = connect("facilitator");

        for (int i = 0; i < 200 && !client.isClosed(); i++) {
            try {
                client.send("{\"type\":\"raiseHand\",\"requestId\":\"" + i + "\"}");
            } catch (RuntimeException closedMeanwhile) {
                break;
            }
        }

        client.await("RATE_LIMITED", m -> "RATE_LIMITED".equals(m.getString("code", null)));
        SignalingClient.Closed closed = client.awaitClose();
        assertThat(closed.code()).isEqualTo(1008);
        assertThat(closed.reason()).isEqualTo("RATE_LIMITED");
    }
}
