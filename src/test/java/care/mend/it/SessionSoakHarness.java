package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.Eventually;
import care.mend.media.kurento.standin.KurentoRecordings;
import care.mend.media.kurento.standin.KurentoStandIn;
import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The soak ({@code mvn -Pfuzz verify}): a three-hour group compressed into {@code mend.soak.minutes} (default 8) —
 * a facilitator and {@code mend.soak.patients} patients (default 8) with media on the Kurento stand-in, and an event
 * every {@code mend.soak.interval-ms} (default 400): a patient's link drops and the page resumes on a new socket, a
 * patient renegotiates media, leaves and is admitted again, raises a hand, switches to audio-only. Every 30 s it
 * weighs the server's heap after GC and counts the media server's objects of this room; it prints the series and the
 * trend, and asserts only that the media server holds nothing of the room after the end and that the log has no
 * ERROR line. Figures go to {@code target/fuzz/soak.txt}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("fuzz")
class SessionSoakHarness {

    private static final int MINUTES = Integer.getInteger("mend.soak.minutes", 8);
    private static final int PATIENTS = Integer.getInteger("mend.soak.patients", 8);
    private static final long INTERVAL_MS = Long.getLong("mend.soak.interval-ms", 400);
    private static final Path SDP = KurentoRecordings.dir("sdp");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    /** One patient's page. */
    static final class Page {
        final String user;
        SignalingClient client;
        String participantId;
        String resumeToken;

        Page(String user) {
            this.user = user;
        }
    }

    record Sample(double minute, double heapMb, int kmsObjects, int endpoints) {
    }

    private Api api;
    private String sendonly;
    private String recvonly;
    private String facilitatorId;
    private SignalingClient facilitator;
    private int request;

    @Test
    void soak() throws Exception {
        api = Api.of(url);
        sendonly = json(Files.readString(SDP.resolve("chromium-offer-03-sfu-two-publishers-1.sdp")));
        recvonly = json(Files.readString(SDP.resolve("chromium-offer-03-sfu-two-publishers-3.sdp")));
        KurentoStandIn kms = IntegrationEnvironment.kurento();
        kms.latency(Duration.ZERO);
        Set<String> notOurs = new HashSet<>();
        kms.liveObjects().forEach(o -> notOurs.add(o.id()));
        List<String> subjects = new ArrayList<>();
        for (int n = 3; n < 3 + PATIENTS; n++) {
            subjects.add(DemoIdentities.patient(n));
        }
        AccessFixture.on(api); // the demo facilitator's staff record, among others
        LiveGroups live = LiveGroups.startedTenMinutesAgo(api.as("admin"), "Soak", subjects);
        Path log = Path.of(System.getProperty("mend.server.dir"), "standalone", "log", "server.log");
        long logFrom = Files.size(log);

        facilitator = SignalingClient.connect(api, "facilitator");
        facilitatorId = facilitator.join(live.sessionId(), "fj").getString("participantId");
        expect(facilitator, "fp", "{\"type\":\"publish\",\"requestId\":\"fp\",\"sdpOffer\":%s}".formatted(sendonly), "sdpAnswer");
        List<Page> pages = new ArrayList<>();
        for (int n = 3; n < 3 + PATIENTS; n++) {
            Page page = new Page("patient" + n);
            enter(page, live.sessionId());
            pages.add(page);
        }

        Random random = new Random(20261202L);
        Map<String, Integer> events = new TreeMap<>();
        List<Sample> samples = new ArrayList<>();
        long started = System.nanoTime();
        long end = started + Duration.ofMinutes(MINUTES).toNanos();
        long nextSample = started;
        try (ServerProcess server = ServerProcess.find(Path.of(System.getProperty("mend.server.dir")))) {
            while (System.nanoTime() < end) {
                if (System.nanoTime() >= nextSample) {
                    samples.add(new Sample((System.nanoTime() - started) / 60e9, server.heapAfterGc() / 1e6,
                            (int) kms.liveObjects().stream().filter(o -> !notOurs.contains(o.id())).count(),
                            (int) kms.liveObjects("WebRtcEndpoint").stream().filter(o -> !notOurs.contains(o.id())).count()));
                    nextSample += Duration.ofSeconds(30).toNanos();
                }
                Page page = pages.get(random.nextInt(pages.size()));
                String event = switch (random.nextInt(10)) {
                    case 0, 1, 2 -> dropAndResume(page, live.sessionId());
                    case 3, 4 -> renegotiate(page);
                    case 5 -> leaveAndComeBack(page, live.sessionId());
                    case 6, 7 -> {
                        expect(page.client, "h", "{\"type\":\"%s\",\"requestId\":\"%s\"}"
                                .formatted(random.nextBoolean() ? "raiseHand" : "lowerHand", "h" + request), "ok");
                        yield "hand";
                    }
                    default -> {
                        expect(page.client, "ao", "{\"type\":\"setAudioOnly\",\"requestId\":\"%s\",\"enabled\":%s}"
                                .formatted("ao" + request, random.nextBoolean()), "ok");
                        yield "audio-only";
                    }
                };
                events.merge(event, 1, Integer::sum);
                Thread.sleep(INTERVAL_MS);
            }
            samples.add(new Sample((System.nanoTime() - started) / 60e9, server.heapAfterGc() / 1e6,
                    (int) kms.liveObjects().stream().filter(o -> !notOurs.contains(o.id())).count(),
                    (int) kms.liveObjects("WebRtcEndpoint").stream().filter(o -> !notOurs.contains(o.id())).count()));

            expect(facilitator, "end", "{\"type\":\"endSession\",\"requestId\":\"end\"}", "ok");
            Eventually.until(Duration.ofSeconds(30),
                    () -> kms.liveObjects().stream().noneMatch(o -> !notOurs.contains(o.id())));
            SignalingFuzzHarness.LogLines lines = SignalingFuzzHarness.LogLines.of(log, logFrom);

            StringBuilder series = new StringBuilder();
            for (Sample s : samples) {
                series.append(String.format(Locale.ROOT, "  %5.1f min  heap %7.1f MB  KMS objects %3d  endpoints %3d%n",
                        s.minute, s.heapMb, s.kmsObjects, s.endpoints));
            }
            Sample first = samples.get(Math.min(1, samples.size() - 1)); // after the first half minute: warmed up
            Sample last = samples.get(samples.size() - 1);
            String report = String.format(Locale.ROOT, """
                    Soak: %d min, %d patients and a facilitator with media, events %s
                    heap after GC %.1f → %.1f MB (%.2f MB over the run), KMS objects %d → %d, endpoints %d → %d
                    after the end: %d KMS objects of the room left; server log meanwhile: %d ERROR, %d WARN
                    %s""", MINUTES, PATIENTS, events, first.heapMb, last.heapMb, last.heapMb - first.heapMb,
                    first.kmsObjects, last.kmsObjects, first.endpoints, last.endpoints,
                    kms.liveObjects().stream().filter(o -> !notOurs.contains(o.id())).count(), lines.errors(),
                    lines.warnings(), series);
            System.out.println(report);
            Path out = Path.of("target", "fuzz");
            Files.createDirectories(out);
            Files.writeString(out.resolve("soak.txt"), report);
            assertThat(lines.errors()).as("ERROR lines").isZero();
        } finally {
            for (Page page : pages) {
                if (page.client != null) {
                    page.client.close();
                }
            }
            facilitator.close();
        }
    }

    /** Joins, is admitted, publishes and subscribes to the facilitator: what a page does. */
    private void enter(Page page, String sessionId) throws Exception {
        page.client = SignalingClient.connect(api, page.user);
        JsonObject joined = page.client.join(sessionId, "j" + request++);
        page.participantId = joined.getString("participantId");
        page.resumeToken = joined.getString("resumeToken");
        expect(facilitator, "a", "{\"type\":\"admit\",\"requestId\":\"%s\",\"participantId\":\"%s\"}"
                .formatted("a" + request, page.participantId), "ok");
        page.client.await("admitted");
        media(page);
    }

    private void media(Page page) throws Exception {
        expect(page.client, "p", "{\"type\":\"publish\",\"requestId\":\"%s\",\"sdpOffer\":%s}"
                .formatted("p" + request, sendonly), "sdpAnswer");
        expect(page.client, "s", "{\"type\":\"subscribe\",\"requestId\":\"%s\",\"publisherId\":\"%s\",\"sdpOffer\":%s}"
                .formatted("s" + request, facilitatorId, recvonly), "sdpAnswer");
    }

    private String dropAndResume(Page page, String sessionId) throws Exception {
        page.client.abort();
        page.client = SignalingClient.connect(api, page.user);
        JsonObject resumed = expect(page.client, "r", "{\"type\":\"resume\",\"requestId\":\"%s\",\"sessionId\":\"%s\",\"resumeToken\":\"%s\"}"
                .formatted("r" + request, sessionId, page.resumeToken), "resumed");
        page.resumeToken = resumed.getString("resumeToken");
        media(page);
        return "drop and resume";
    }

    private String renegotiate(Page page) throws Exception {
        media(page);
        return "renegotiation";
    }

    private String leaveAndComeBack(Page page, String sessionId) throws Exception {
        expect(page.client, "l", "{\"type\":\"leave\",\"requestId\":\"%s\"}".formatted("l" + request), "ok");
        page.client.close();
        enter(page, sessionId);
        return "leave and come back";
    }

    /** Sends the request (its id made unique here) and checks the reply's type. */
    private JsonObject expect(SignalingClient client, String prefix, String frame, String type) throws Exception {
        String id = frame.replaceFirst("(?s).*\"requestId\":\"([^\"]*)\".*", "$1");
        client.send(frame);
        request++;
        JsonObject reply = client.reply(id);
        assertThat(reply.getString("type")).as(prefix + ": " + reply).isEqualTo(type);
        return reply;
    }

    private static String json(String text) {
        return new com.google.gson.JsonPrimitive(text).toString();
    }
}
