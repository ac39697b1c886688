package care.mend.it;

import care.mend.media.kurento.standin.KurentoRecordings;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.Eventually;
import care.mend.media.kurento.standin.KurentoStandIn;
import care.mend.media.kurento.standin.StandInObject.Kind;
import care.mend.media.kurento.standin.StandInObject.View;
import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A full room on Kurento: the real Kurento client inside WildFly, the protocol stand-in behind it (started by
 * {@link IntegrationEnvironment}), thirteen real signaling clients (one facilitator, twelve patients) sending
 * Chromium's recorded offers. Checks the endpoints and their wiring, audio-only and low-bandwidth participants,
 * modality in the attendance ledger, round trips, a media-server restart mid-session, and that nothing is left on the
 * media server afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KurentoRoomIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Path SDP = KurentoRecordings.dir("sdp");
    /** Patients 3..8 from the realm, 9..14 synthetic (patients 1 and 2 are pinned to their groups by other ITs). */
    private static final int[] PATIENTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    private final List<SignalingClient> clients = new ArrayList<>();
    private final java.util.Set<String> notOurs = new java.util.HashSet<>();

    /** The stand-in's live objects of the type (all types for null) that this test made. */
    private List<View> ours(KurentoStandIn kms, String type) {
        return (type == null ? kms.liveObjects() : kms.liveObjects(type)).stream()
                .filter(o -> !notOurs.contains(o.id())).toList();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SignalingClient::close);
    }

    private static String offer(String file) throws IOException {
        return Files.readString(SDP.resolve(file));
    }

    private static String json(String text) {
        return new com.google.gson.JsonPrimitive(text).toString();
    }

    @Test
    void aRoomOfThirteenGetsItsEndpointsSurvivesAMediaServerRestartAndLeavesNothingBehind() throws Exception {
        KurentoStandIn kms = IntegrationEnvironment.kurento();
        // Objects of rooms other test classes left open (their server stopped without ending them) are not ours.
        kms.liveObjects().forEach(o -> notOurs.add(o.id()));
        Api api = Api.of(url);
        String port = System.getProperty("mend.it.http.port");
        String origin = "http://127.0.0.1:" + port;
        URI signaling = URI.create("ws://127.0.0.1:" + port + "/signaling");
        String session = liveSession(api);
        String sendonly = json(offer("chromium-offer-03-sfu-two-publishers-1.sdp"));
        String recvonly = json(offer("chromium-offer-03-sfu-two-publishers-3.sdp"));
        String audioOnlyOffer = json(offer("chromium-offer-mend-02-audio-only-and-camera-off-19.sdp"));

        // Everyone in: the facilitator, then twelve patients admitted.
        Map<String, SignalingClient> byId = new LinkedHashMap<>();
        SignalingClient facilitator = connect(api, signaling, origin, "facilitator");
        String f = join(facilitator, session, "fj").getString("participantId");
        byId.put(f, facilitator);
        for (int n : PATIENTS) {
            SignalingClient patient = connect(api, signaling, origin, "patient" + n);
            String p = join(patient, session, "j" + n).getString("participantId");
            facilitator.send("{\"type\":\"admit\",\"requestId\":\"a%d\",\"participantId\":\"%s\"}".formatted(n, p));
            assertThat(reply(facilitator, "a" + n).getString("type")).isEqualTo("ok");
            byId.put(p, patient);
        }
        List<String> ids = List.copyOf(byId.keySet());
        String audioOnly = ids.get(11);
        String lowBandwidth = ids.get(12);

        // Everyone publishes (one audio only), then subscribes to everyone else (one takes the mixed grid).
        for (String id : ids) {
            SignalingClient c = byId.get(id);
            // The audio-only participant's page offers no video (Chromium's own audio-only offer, recorded):
            // the ledger's AUDIO_ONLY comes from what the media server sees flowing, not from the flag.
            c.send("{\"type\":\"publish\",\"requestId\":\"pub\",\"sdpOffer\":%s,\"audioOnly\":%s}"
                    .formatted(id.equals(audioOnly) ? audioOnlyOffer : sendonly, id.equals(audioOnly)));
        }
        for (String id : ids) {
            JsonObject answer = reply(byId.get(id), "pub");
            assertThat(answer.getString("type")).as(answer.toString()).isEqualTo("sdpAnswer");
            assertThat(answer.getString("sdp")).startsWith("v=0").contains("a=recvonly");
        }
        for (String id : ids) {
            SignalingClient c = byId.get(id);
            if (id.equals(lowBandwidth)) {
                c.send("{\"type\":\"setLowBandwidth\",\"requestId\":\"lb\",\"enabled\":true}");
                c.send("{\"type\":\"subscribeGrid\",\"requestId\":\"grid\",\"sdpOffer\":%s}".formatted(recvonly));
                continue;
            }
            for (String other : ids) {
                if (!other.equals(id)) {
                    c.send("{\"type\":\"subscribe\",\"requestId\":\"s-%s\",\"publisherId\":\"%s\",\"sdpOffer\":%s}"
                            .formatted(other, other, recvonly));
                }
            }
        }
        for (String id : ids) {
            SignalingClient c = byId.get(id);
            if (id.equals(lowBandwidth)) {
                assertThat(reply(c, "grid").getJsonObject("endpoint").getString("kind")).isEqualTo("grid");
                continue;
            }
            java.util.Set<String> expected = new java.util.HashSet<>();
            ids.stream().filter(other -> !other.equals(id)).forEach(other -> expected.add("s-" + other));
            for (JsonObject answer : replies(c, expected)) {
                assertThat(answer.getString("type")).as(answer.toString()).isEqualTo("sdpAnswer");
            }
        }
        // 13 publishers + 12 x 12 subscribers + 1 grid viewer; a HubPort per publisher, the grid viewer's own also
        // feeding its grid (so the mix it hears leaves out its own voice).
        assertThat(ours(kms, "MediaPipeline")).hasSize(1);
        assertThat(ours(kms, "Composite")).hasSize(1);
        Eventually.untilAsserted(EVENTUALLY, () -> {
            assertThat(ours(kms, "WebRtcEndpoint")).hasSize(13 + 12 * 12 + 1);
            assertThat(ours(kms, "HubPort")).hasSize(13);
        });
        List<View> endpoints = ours(kms, "WebRtcEndpoint");
        List<View> publishers = endpoints.stream().filter(e -> e.sinks().keySet().stream()
                .anyMatch(s -> s.endsWith("HubPort"))).toList();
        assertThat(publishers).hasSize(13);
        // Each publisher feeds every subscriber of it: 11 each, 12 for the grid viewer's stream (nobody else skips).
        assertThat(publishers.stream().mapToLong(p -> p.sinks().keySet().stream()
                .filter(s -> s.endsWith("WebRtcEndpoint")).count()).sorted().boxed().toList())
                .isEqualTo(java.util.stream.Stream.concat(java.util.Collections.nCopies(12, 11L).stream(),
                        java.util.stream.Stream.of(12L)).toList());
        List<View> audioOnlyPublishers = publishers.stream().filter(p -> p.sinks().values().stream()
                .noneMatch(kinds -> kinds.contains(Kind.VIDEO))).toList();
        assertThat(audioOnlyPublishers).as("the audio-only publisher sends audio alone").hasSize(1);
        assertThat(ours(kms, "HubPort")).filteredOn(p -> p.sinks().keySet().stream()
                .anyMatch(s -> s.endsWith("WebRtcEndpoint"))).as("one HubPort feeds the grid viewer").hasSize(1);

        // A camera goes off: the modality follows the media into the attendance ledger.
        View camera = publishers.stream().filter(p -> !audioOnlyPublishers.contains(p)).findFirst().orElseThrow();
        kms.browserSends(camera.id(), Kind.VIDEO, false);
        Eventually.until(EVENTUALLY, () -> modalityRows(session, "AUDIO_ONLY").stream()
                .anyMatch(p -> !p.equals(audioOnly)));
        assertThat(modalityRows(session, "AUDIO_ONLY")).contains(audioOnly);
        assertThat(modalityRows(session, "AUDIO_VIDEO")).contains(f);

        // A republish waits for at most three round trips to the media server.
        kms.awaitQuiet(Duration.ofMillis(500), EVENTUALLY);
        kms.latency(Duration.ofMillis(100));
        kms.clearCalls();
        facilitator.send("{\"type\":\"publish\",\"requestId\":\"pub2\",\"sdpOffer\":%s}".formatted(sendonly));
        assertThat(reply(facilitator, "pub2").getString("type")).isEqualTo("sdpAnswer");
        assertThat(kms.calls().stream().filter(c -> "processOffer".equals(c.detail()))
                .mapToInt(KurentoStandIn.Call::round).max().orElseThrow()).isLessThanOrEqualTo(3);
        kms.latency(Duration.ZERO);

        // The media server restarts: media is interrupted, the room is not; then everyone renegotiates.
        assertThat(mediaReadiness().getString("kms-0")).isEqualTo("UP");
        kms.stop();
        for (SignalingClient c : byId.values()) {
            c.await("mediaInterrupted");
        }
        Eventually.until(EVENTUALLY, () -> mediaReadiness().getString("kms-0").equals("DOWN"));
        facilitator.send("{\"type\":\"raiseHand\",\"requestId\":\"h1\"}");
        assertThat(reply(facilitator, "h1").getString("type")).isEqualTo("ok");
        kms.restart();
        for (SignalingClient c : byId.values()) {
            c.await("renegotiate");
        }
        facilitator.send("{\"type\":\"publish\",\"requestId\":\"pub3\",\"sdpOffer\":%s}".formatted(sendonly));
        assertThat(reply(facilitator, "pub3").getString("type")).isEqualTo("sdpAnswer");
        SignalingClient first = byId.get(ids.get(1));
        first.send("{\"type\":\"subscribe\",\"requestId\":\"r-s\",\"publisherId\":\"%s\",\"sdpOffer\":%s}"
                .formatted(f, recvonly));
        assertThat(reply(first, "r-s").getString("type")).isEqualTo("sdpAnswer");
        assertThat(ours(kms, "MediaPipeline")).hasSize(1);
        assertThat(ours(kms, "WebRtcEndpoint")).hasSize(2);

        // A participant leaves, then the session ends: nothing is left on the media server.
        first.send("{\"type\":\"leave\",\"requestId\":\"bye\"}");
        assertThat(reply(first, "bye").getString("type")).isEqualTo("ok");
        Eventually.until(EVENTUALLY, () -> ours(kms, "WebRtcEndpoint").size() == 1);
        facilitator.send("{\"type\":\"endSession\",\"requestId\":\"end\"}");
        assertThat(reply(facilitator, "end").getString("type")).isEqualTo("ok");
        Eventually.until(EVENTUALLY, () -> ours(kms, null).isEmpty());
    }

    /**
     * Where the time goes between a patient's admission and the last answer its page needs (its publisher and one
     * subscription per other publisher), as a page does it: everything sent at once on {@code admitted}, from the room
     * that comes with it. Run with the stand-in answering at once and with a latency per answer that stands for a
     * real, busy KMS; prints the breakdown, and checks the shape (KMS calls per offer, everything from the
     * admitted room without waiting for a roomUpdated) rather than the times.
     */
    @Test
    void fromAdmissionToTheLastAnswer() throws Exception {
        KurentoStandIn kms = IntegrationEnvironment.kurento();
        Api api = Api.of(url);
        String port = System.getProperty("mend.it.http.port");
        String origin = "http://127.0.0.1:" + port;
        URI signaling = URI.create("ws://127.0.0.1:" + port + "/signaling");
        String session = liveSession(api);
        String sendonly = json(offer("chromium-offer-03-sfu-two-publishers-1.sdp"));
        String recvonly = json(offer("chromium-offer-03-sfu-two-publishers-3.sdp"));
        SignalingClient facilitator = connect(api, signaling, origin, "facilitator");
        join(facilitator, session, "fj");
        facilitator.send("{\"type\":\"publish\",\"requestId\":\"fp\",\"sdpOffer\":%s}".formatted(sendonly));
        assertThat(reply(facilitator, "fp").getString("type")).isEqualTo("sdpAnswer");
        int[] present = {3, 4, 5, 6};
        for (int n : present) {
            SignalingClient c = connect(api, signaling, origin, "patient" + n);
            String id = join(c, session, "j").getString("participantId");
            facilitator.send("{\"type\":\"admit\",\"requestId\":\"a%d\",\"participantId\":\"%s\"}".formatted(n, id));
            reply(facilitator, "a" + n);
            c.send("{\"type\":\"publish\",\"requestId\":\"p\",\"sdpOffer\":%s}".formatted(sendonly));
            assertThat(reply(c, "p").getString("type")).isEqualTo("sdpAnswer");
        }
        StringBuilder table = new StringBuilder("\n| KMS latency per answer | publishers in the room | admitted | "
                + "publisher answer | last subscription answer | KMS calls |\n"
                + "|---|---|---|---|---|---|\n");
        int[] newcomers = {7, 8};
        long[] latencies = {0, 20};
        for (int i = 0; i < newcomers.length; i++) {
            SignalingClient c = connect(api, signaling, origin, "patient" + newcomers[i]);
            String id = join(c, session, "j").getString("participantId");
            kms.awaitQuiet(Duration.ofMillis(300), EVENTUALLY);
            kms.latency(Duration.ofMillis(latencies[i]));
            kms.clearCalls();
            long start = System.nanoTime();
            facilitator.send("{\"type\":\"admit\",\"requestId\":\"an%d\",\"participantId\":\"%s\"}".formatted(i, id));
            JsonObject admitted = c.await("admitted");
            long admittedAt = System.nanoTime();
            // As the page does: publish and subscribe to everyone publishing in the admitted room, all at once.
            c.send("{\"type\":\"publish\",\"requestId\":\"p\",\"sdpOffer\":%s}".formatted(sendonly));
            java.util.Set<String> subscriptions = new java.util.HashSet<>();
            for (JsonObject other : admitted.getJsonObject("room").getJsonArray("participants")
                    .getValuesAs(JsonObject.class)) {
                if (other.getBoolean("publishing") && !other.getString("participantId").equals(id)) {
                    String requestId = "s-" + other.getString("participantId");
                    subscriptions.add(requestId);
                    c.send("{\"type\":\"subscribe\",\"requestId\":\"%s\",\"publisherId\":\"%s\",\"sdpOffer\":%s}"
                            .formatted(requestId, other.getString("participantId"), recvonly));
                }
            }
            assertThat(subscriptions).as("the admitted room names everyone already publishing").hasSize(5 + i);
            long publishedAt = 0;
            java.util.Set<String> pending = new java.util.HashSet<>(subscriptions);
            pending.add("p");
            long lastAt = 0;
            while (!pending.isEmpty()) {
                JsonObject answer = c.await("an answer", m -> pending.contains(m.getString("requestId", "")));
                assertThat(answer.getString("type")).as(answer.toString()).isEqualTo("sdpAnswer");
                pending.remove(answer.getString("requestId"));
                lastAt = System.nanoTime();
                if (answer.getString("requestId").equals("p")) {
                    publishedAt = lastAt;
                }
            }
            kms.latency(Duration.ZERO);
            List<KurentoStandIn.Call> calls = kms.calls();
            int offers = 1 + subscriptions.size();
            table.append("| %d ms | %d | %.0f ms | %.0f ms | %.0f ms | %d (%.1f per offer) |\n".formatted(
                    latencies[i], subscriptions.size(), (admittedAt - start) / 1e6, (publishedAt - start) / 1e6,
                    (lastAt - start) / 1e6, calls.size(), calls.size() / (double) offers));
            // An offer costs a handful of KMS calls (endpoint, caps, listeners, connect, processOffer, gathering);
            // the one-at-a-time depth of each is checked in the thirteen-person test above.
            assertThat(calls.size()).isLessThanOrEqualTo(9 * offers);
        }
        System.out.println("MEND-FIGURES admission to the last answer (stand-in):" + table);
        facilitator.send("{\"type\":\"endSession\",\"requestId\":\"end\"}");
        assertThat(reply(facilitator, "end").getString("type")).isEqualTo("ok");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private SignalingClient connect(Api api, URI signaling, String origin, String username) throws Exception {
        HttpResult ticket = api.as(username).post("/api/signaling/tickets", "");
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(200);
        SignalingClient client = SignalingClient.open(signaling, origin,
                        List.of("mend.v1", "mend.ticket." + ticket.json().getString("ticket")))
                .get(SignalingClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        clients.add(client);
        assertThat(client.next().getString("type")).isEqualTo("welcome");
        return client;
    }

    private static JsonObject join(SignalingClient client, String sessionId, String requestId) throws Exception {
        client.send("{\"type\":\"join\",\"requestId\":\"%s\",\"sessionId\":\"%s\"}".formatted(requestId, sessionId));
        JsonObject reply = reply(client, requestId);
        assertThat(reply.getString("type")).as(reply.toString()).isEqualTo("joined");
        return reply;
    }

    /** The replies to several requests, in whatever order they come (other messages are skipped). */
    private static List<JsonObject> replies(SignalingClient client, java.util.Set<String> requestIds)
            throws InterruptedException {
        Map<String, JsonObject> got = new LinkedHashMap<>();
        client.await("replies to " + requestIds.size() + " requests", m -> {
            String id = m.getString("requestId", null);
            if (id != null && requestIds.contains(id)) {
                got.put(id, m);
            }
            return got.size() == requestIds.size();
        });
        return List.copyOf(got.values());
    }

    private static JsonObject reply(SignalingClient client, String requestId) throws InterruptedException {
        return client.await("reply to " + requestId, m -> requestId.equals(m.getString("requestId", null)));
    }

    /** The media-servers readiness check's data; readiness itself stays UP through a media outage. */
    private static JsonObject mediaReadiness() {
        HttpResult ready = Api.management().get("/health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        return ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("media-servers")).findFirst().orElseThrow()
                .getJsonObject("data");
    }

    /** Participant ids with a MODALITY_CHANGED event to {@code modality} in the ledger for the session. */
    private static List<String> modalityRows(String session, String modality) {
        try (Connection db = DriverManager.getConnection(System.getProperty("mend.it.db.url"),
                System.getProperty("mend.it.db.user"), System.getProperty("mend.it.db.password"));
                PreparedStatement q = db.prepareStatement("select participant_id from presence_event "
                        + "where session_id = ? and kind = 'MODALITY_CHANGED' and modality = ?")) {
            q.setObject(1, UUID.fromString(session));
            q.setString(2, modality);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A group meeting now with the demo facilitator and twelve patients; its session id. */
    private static String liveSession(Api api) {
        AccessFixture.on(api);
        return LiveGroups.startedTenMinutesAgo(api.as("admin"), "Media",
                java.util.Arrays.stream(PATIENTS).mapToObj(DemoIdentities::patient).toList()).sessionId();
    }
}
