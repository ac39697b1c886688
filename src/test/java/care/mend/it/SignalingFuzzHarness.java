package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signaling fuzzer ({@code mvn -Pfuzz verify}): ten patients' sockets in one live room (two of them never
 * joined) send {@code mend.fuzz.frames} frames (default 12,000) made from the protocol document — malformed JSON,
 * type confusion, nesting thousands deep, numbers out of every range, strings up to 200 KB, escaped NULs and lone
 * surrogates, forged participant, session, endpoint and resume-token ids, facilitator commands from patients, binary
 * frames — each paced under the rate limit and each waited for: a frame without exactly one reply within 15 s is
 * <em>unanswered</em>. Beside them a legitimate patient raises and lowers a hand ten times a second and the latency
 * of its replies is measured; then one socket floods. It prints frames sent, replies by code, unanswered frames, the
 * server log's ERROR and WARN lines and stack-trace lines written meanwhile, heap after GC before and after, and the
 * legitimate client's latency; and asserts only what must never happen: an unanswered frame, a mismatched reply, an
 * ERROR line, a stack trace. Figures go to {@code target/fuzz/signaling.txt}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("fuzz")
class SignalingFuzzHarness {

    private static final int FRAMES = Integer.getInteger("mend.fuzz.frames", 12_000);
    /** Each fuzzing socket sends at most one frame per this many ms: under the 20 a second the server allows. */
    private static final long PACE_MS = 60;
    private static final int FUZZERS = 10;
    private static final List<String> REPLIES = List.of("ok", "error", "joined", "resumed", "sdpAnswer");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    private final Map<String, LongAdder> replies = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> mismatched = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> legitimate = new ConcurrentLinkedQueue<>();

    @Test
    void fuzz() throws Exception {
        Api api = Api.of(url);
        List<String> subjects = new ArrayList<>();
        for (int n = 3; n <= 3 + FUZZERS; n++) {
            subjects.add(DemoIdentities.patient(n));
        }
        AccessFixture.on(api); // the demo facilitator's staff record, among others
        LiveGroups live = LiveGroups.startedTenMinutesAgo(api.as("admin"), "Fuzz", subjects);
        Path log = Path.of(System.getProperty("mend.server.dir"), "standalone", "log", "server.log");

        SignalingClient facilitator = SignalingClient.connect(api, "facilitator");
        String facilitatorId = facilitator.join(live.sessionId(), "fj").getString("participantId");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newCachedThreadPool();
        threads.submit(() -> admitEveryone(facilitator, running));

        SignalingClient legit = SignalingClient.connect(api, "patient3");
        String legitId = legit.join(live.sessionId(), "lj").getString("participantId");
        legit.await("admitted");
        List<SignalingClient> fuzzers = new ArrayList<>();
        List<String> known = Collections.synchronizedList(new ArrayList<>(List.of(facilitatorId, legitId)));
        for (int i = 0; i < FUZZERS; i++) {
            SignalingClient client = SignalingClient.connect(api, "patient" + (4 + i));
            if (i >= 2) {
                known.add(client.join(live.sessionId(), "j" + i).getString("participantId"));
                client.await("admitted");
            }
            fuzzers.add(client);
        }

        try (ServerProcess server = ServerProcess.find(Path.of(System.getProperty("mend.server.dir")))) {
            long heapBefore = server.heapAfterGc();
            long logFrom = Files.size(log);
            long started = System.nanoTime();

            Future<?> hands = threads.submit(() -> raiseAndLower(legit, running));
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < FUZZERS; i++) {
                SignalingClient client = fuzzers.get(i);
                FuzzFrames frames = new FuzzFrames(new Random(20261202L + i), live.sessionId(), known);
                boolean inRoom = i >= 2;
                work.add(threads.submit(() -> fuzzWith(client, frames, FRAMES / FUZZERS,
                        inRoom ? live.sessionId() : null)));
            }
            for (Future<?> f : work) {
                f.get(30, TimeUnit.MINUTES);
            }
            running.set(false);
            hands.get(1, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - started) / 1e9;

            Flood flood = flood(api);
            for (SignalingClient client : fuzzers) {
                client.send("{\"type\":\"leave\",\"requestId\":\"bye\"}");
                client.close();
            }
            legit.send("{\"type\":\"leave\",\"requestId\":\"bye\"}");
            Thread.sleep(2000); // the leaves are handled and the sockets closed before the heap is weighed
            long heapAfter = server.heapAfterGc();
            LogLines lines = LogLines.of(log, logFrom);

            Stats latency = Stats.of(legitimate);
            String report = String.format(Locale.ROOT, """
                    Signaling fuzz: %d frames from %d sockets in %.0f s (%d binary), %d unanswered, %d mismatched
                    replies by code: %s
                    flood: %d frames as fast as one socket sends, %d answered RATE_LIMITED, closed %s
                    server log meanwhile: %d ERROR, %d WARN, %d stack-trace lines
                    server heap after GC: %.1f MB before, %.1f MB after (growth %.2f MB)
                    legitimate patient beside the fuzz: %d hand changes, reply p50 %.1f ms, p99 %.1f ms, max %.1f ms
                    """, sent.get(), FUZZERS, seconds, FuzzFrames.BINARY.get(), unanswered.get(), mismatched.size(),
                    new TreeMap<>(replies), flood.frames, flood.rateLimited, flood.closed, lines.errors, lines.warnings,
                    lines.stackTraces, heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e6,
                    latency.count, latency.p50, latency.p99, latency.max);
            System.out.println(report);
            if (!mismatched.isEmpty()) {
                System.out.println("first mismatched: " + mismatched.stream().limit(5).toList());
            }
            Path out = Path.of("target", "fuzz");
            Files.createDirectories(out);
            Files.writeString(out.resolve("signaling.txt"), report);

            assertThat(unanswered.get()).as("unanswered frames").isZero();
            assertThat(mismatched).as("replies that echo another request").isEmpty();
            assertThat(lines.errors).as("ERROR lines").isZero();
            assertThat(lines.stackTraces).as("stack-trace lines").isZero();
        } finally {
            running.set(false);
            threads.shutdownNow();
            facilitator.close();
            legit.close();
        }
    }

    /** The facilitator admits whoever waits (a fuzzer that left and joined again), so the fuzz stays in the room. */
    private static void admitEveryone(SignalingClient facilitator, AtomicBoolean running) {
        int n = 0;
        while (running.get()) {
            try {
                JsonObject update = facilitator.await("roomUpdated", m -> "roomUpdated".equals(m.getString("type", null)));
                for (JsonObject waiting : update.getJsonObject("room").getJsonArray("waiting").getValuesAs(JsonObject.class)) {
                    facilitator.send("{\"type\":\"admit\",\"requestId\":\"a%d\",\"participantId\":\"%s\"}"
                            .formatted(n++, waiting.getString("participantId")));
                    Thread.sleep(PACE_MS);
                }
            } catch (AssertionError quiet) {
                // no update for a while
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.out.println("the facilitator's admitting failed: " + e);
            }
        }
    }

    private void raiseAndLower(SignalingClient legit, AtomicBoolean running) {
        int n = 0;
        try {
            while (running.get()) {
                String id = "h" + n;
                long t0 = System.nanoTime();
                legit.send("{\"type\":\"%s\",\"requestId\":\"%s\"}".formatted(n % 2 == 0 ? "raiseHand" : "lowerHand", id));
                JsonObject reply = legit.reply(id);
                legitimate.add(System.nanoTime() - t0);
                assertThat(reply.getString("type")).as(reply.toString()).isEqualTo("ok");
                n++;
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends {@code count} frames, each waited for. A fuzzer that belongs in the room ({@code sessionId} given) and
     * fuzzed itself out of it (a {@code leave}, a seat taken) joins again, unfuzzed and uncounted, so that most frames
     * meet a room rather than {@code NOT_IN_ROOM}.
     */
    private void fuzzWith(SignalingClient client, FuzzFrames frames, int count, String sessionId) {
        for (int i = 0; i < count && !client.isClosed(); i++) {
            long t0 = System.nanoTime();
            FuzzFrames.Frame frame = frames.next();
            try {
                if (frame.binary()) {
                    client.socket().sendBinary(ByteBuffer.wrap(frame.text().getBytes(StandardCharsets.UTF_8)), true)
                            .get(15, TimeUnit.SECONDS);
                } else {
                    client.send(frame.text());
                }
                sent.incrementAndGet();
                JsonObject reply = client.await("a reply", m -> REPLIES.contains(m.getString("type", "")));
                String code = "error".equals(reply.getString("type")) ? reply.getString("code", "?") : reply.getString("type");
                replies.computeIfAbsent(code, k -> new LongAdder()).increment();
                if (sessionId != null && "NOT_IN_ROOM".equals(code)) {
                    rejoin(client, sessionId);
                }
                String echoed = reply.get("requestId") instanceof JsonString s ? s.getString() : null;
                if (frame.requestId() != null && echoed != null && !frame.requestId().equals(echoed)) {
                    mismatched.add(frame.kind() + ": sent " + frame.requestId() + ", reply " + reply);
                }
            } catch (AssertionError e) {
                unanswered.incrementAndGet();
                System.out.println("unanswered " + frame.kind() + ": " + abbreviate(frame.text()) + " — " + e.getMessage());
            } catch (Exception e) {
                unanswered.incrementAndGet();
                System.out.println("not sent " + frame.kind() + ": " + e);
            }
            long left = PACE_MS - (System.nanoTime() - t0) / 1_000_000;
            if (left > 0) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void rejoin(SignalingClient client, String sessionId) throws InterruptedException {
        String id = "rejoin-" + UUID.randomUUID();
        client.send("{\"type\":\"join\",\"requestId\":\"%s\",\"sessionId\":\"%s\"}".formatted(id, sessionId));
        JsonObject reply = client.reply(id);
        if ("joined".equals(reply.getString("type")) && "WAITING".equals(reply.getString("status", ""))) {
            client.await("admitted");
        }
    }

    record Flood(int frames, int rateLimited, String closed) {
    }

    /** One socket sends 400 frames without waiting: the excess is answered RATE_LIMITED, then the socket closed. */
    private static Flood flood(Api api) throws Exception {
        SignalingClient client = SignalingClient.connect(api, "patient14");
        int frames = 400;
        for (int i = 0; i < frames && !client.isClosed(); i++) {
            client.socket().sendText("{\"type\":\"raiseHand\",\"requestId\":\"f%d\"}".formatted(i), true);
        }
        int limited = 0;
        String closed = "no";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (client.pending() > 0) {
                JsonObject m = client.next();
                if ("RATE_LIMITED".equals(m.getString("code", null))) {
                    limited++;
                }
            } else if (client.isClosed()) {
                SignalingClient.Closed c = client.awaitClose();
                closed = c.code() + " " + c.reason();
                break;
            } else {
                Thread.sleep(20);
            }
        }
        return new Flood(frames, limited, closed);
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "… (" + text.length() + " chars)" : text;
    }

    record LogLines(int errors, int warnings, int stackTraces) {
        static LogLines of(Path log, long from) throws java.io.IOException {
            byte[] all = Files.readAllBytes(log);
            String text = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8);
            int errors = 0;
            int warnings = 0;
            int traces = 0;
            for (String line : text.split("\n")) {
                if (line.contains(" ERROR ") || line.contains(" SEVERE ")) {
                    errors++;
                    System.out.println("ERROR line: " + abbreviate(line));
                } else if (line.contains(" WARN ") || line.contains(" WARNING ")) {
                    warnings++;
                    System.out.println("WARN line: " + abbreviate(line));
                } else if (line.startsWith("\tat ")) {
                    traces++;
                }
            }
            return new LogLines(errors, warnings, traces);
        }
    }

    record Stats(int count, double p50, double p99, double max) {
        static Stats of(ConcurrentLinkedQueue<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return new Stats(0, 0, 0, 0);
            }
            return new Stats(sorted.size(), at(sorted, 0.5), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        }

        private static double at(List<Long> sorted, double q) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
        }
    }
}
