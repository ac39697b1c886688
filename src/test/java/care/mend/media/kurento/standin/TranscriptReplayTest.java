package care.mend.media.kurento.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays what the Java client and a raw client sent to a real KMS 7.3 ({@code shared/kurento-protocol/transcripts}),
 * frame by frame, against the stand-in, and checks that each answer has the recorded shape: result or error, the
 * same error code and message, the same members and JSON types, the same ids where they name the same object.
 * Ids differ on every run, so each recorded id is mapped to the stand-in's as answers reveal them.
 */
class TranscriptReplayTest {

    private static final Path TRANSCRIPTS = KurentoRecordings.dir("transcripts");

    private KurentoStandIn kms;
    private final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void start() {
        kms = KurentoStandIn.start(false);
    }

    @AfterEach
    void stop() {
        kms.close();
    }

    /** For recordings with real browsers behind the endpoints: each browser sends what its offer says it sends. */
    private void withBrowsers() {
        kms.close();
        kms = KurentoStandIn.start(true);
    }

    private record Frame(String dir, Integer conn, JsonObject msg) {
    }

    private static List<Frame> frames(String file) throws IOException {
        List<Frame> frames = new ArrayList<>();
        for (String line : Files.readAllLines(TRANSCRIPTS.resolve(file))) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            String dir = o.get("dir").getAsString();
            if (dir.equals("c2s") || dir.equals("s2c")) {
                frames.add(new Frame(dir, o.get("conn").getAsInt(), o.getAsJsonObject("msg")));
            }
        }
        return frames;
    }

    /** One raw connection to the stand-in. */
    private final class Raw implements WebSocket.Listener {
        final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        /** The onEvent notifications seen so far, in order. */
        final List<JsonObject> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        final WebSocket socket;

        Raw() {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(kms.uri()), this).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        /** Takes in the events that came after the last answer. */
        void drainEvents() {
            for (JsonObject frame = received.poll(); frame != null; frame = received.poll()) {
                if (frame.has("method")) {
                    events.add(frame);
                }
            }
        }

        /** The next answer (not an event) to the request with this id (null: an answer without id). */
        JsonObject answerTo(JsonElement id) throws InterruptedException {
            while (true) {
                JsonObject frame = received.poll(10, TimeUnit.SECONDS);
                assertThat(frame).as("an answer to %s", id).isNotNull();
                if (frame.has("method")) {
                    events.add(frame); // an onEvent notification
                    continue;
                }
                JsonElement got = frame.get("id");
                if (id == null ? got == null || got.isJsonNull() : id.equals(got)) {
                    return frame;
                }
            }
        }
    }

    private String mapped(String text) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(ids.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        for (Map.Entry<String, String> e : entries) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    private static boolean looksLikeId(String s) {
        return s.contains("_kurento.") || s.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static final java.util.regex.Pattern TRUNCATED_SDP = java.util.regex.Pattern.compile(
            "v=0\\.\\.\\.\\[SDP truncated by recorder: [^\\]]*full text: (sdp/[^\\]]+)\\]");

    /** Puts back the full SDP the recorder cut out of a frame (it is kept under {@code sdp/}). */
    private static String withFullSdp(String frame) throws IOException {
        java.util.regex.Matcher m = TRUNCATED_SDP.matcher(frame);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String sdp = Files.readString(TRANSCRIPTS.resolveSibling(m.group(1)));
            String escaped = new com.google.gson.JsonPrimitive(sdp).toString();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    escaped.substring(1, escaped.length() - 1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Maps a recorded id to the stand-in's, and each segment of a path-like id ({@code pipeline/element}). */
    private void learn(String recorded, String actual) {
        ids.put(recorded, actual);
        String[] r = recorded.split("/");
        String[] a = actual.split("/");
        if (r.length == a.length && r.length > 1) {
            for (int i = 0; i < r.length; i++) {
                ids.put(r[i], a[i]);
            }
        }
    }

    /** Compares a recorded answer (ids already mapped where known) with the stand-in's, learning new ids. */
    private void compare(String where, JsonElement recorded, JsonElement actual) {
        if (recorded == null || recorded.isJsonNull()) {
            assertThat(actual == null || actual.isJsonNull()).as(where + " is null").isTrue();
        } else if (recorded.isJsonObject()) {
            assertThat(actual != null && actual.isJsonObject()).as(where + " is an object: " + actual).isTrue();
            JsonObject r = recorded.getAsJsonObject();
            JsonObject a = actual.getAsJsonObject();
            if (r.has("__type__") && r.get("__type__").getAsString().equals("ServerInfo")) {
                return; // module lists differ; the stand-in models no modules
            }
            if (!r.keySet().isEmpty() && r.keySet().stream().allMatch(TranscriptReplayTest::looksLikeId)) {
                // A map keyed by ids (getStats): as many entries, each like its recorded counterpart.
                assertThat(a.size()).as(where + " entries").isEqualTo(r.size());
                List<String> recordedKeys = List.copyOf(r.keySet());
                List<String> actualKeys = List.copyOf(a.keySet());
                for (int i = 0; i < recordedKeys.size(); i++) {
                    String key = recordedKeys.get(i);
                    if (ids.containsValue(key)) {
                        assertThat(a.has(key)).as(where + " has " + key).isTrue();
                        compare(where + "." + key, r.get(key), a.get(key));
                    } else {
                        learn(key, actualKeys.get(i));
                        compare(where + "." + key, r.get(key), a.get(actualKeys.get(i)));
                    }
                }
                return;
            }
            assertThat(a.keySet()).as(where + " members").isEqualTo(r.keySet());
            for (String key : r.keySet()) {
                compare(where + "." + key, r.get(key), a.get(key));
            }
        } else if (recorded.isJsonArray()) {
            assertThat(actual != null && actual.isJsonArray()).as(where + " is an array").isTrue();
            JsonArray r = recorded.getAsJsonArray();
            JsonArray a = actual.getAsJsonArray();
            assertThat(a.size()).as(where + " size").isEqualTo(r.size());
            for (int i = 0; i < r.size(); i++) {
                compare(where + "[" + i + "]", r.get(i), a.get(i));
            }
        } else {
            assertThat(actual != null && actual.isJsonPrimitive()).as(where + " is a value").isTrue();
            var r = recorded.getAsJsonPrimitive();
            var a = actual.getAsJsonPrimitive();
            assertThat(a.isString()).as(where + " type").isEqualTo(r.isString());
            assertThat(a.isNumber()).as(where + " type").isEqualTo(r.isNumber());
            assertThat(a.isBoolean()).as(where + " type").isEqualTo(r.isBoolean());
            if (r.isString() && looksLikeId(r.getAsString())) {
                if (ids.containsValue(r.getAsString())) {
                    assertThat(a.getAsString()).as(where).isEqualTo(r.getAsString());
                } else {
                    learn(r.getAsString(), a.getAsString());
                }
            } else if (r.isString() && r.getAsString().startsWith("v=0")) {
                assertThat(a.getAsString()).as(where).startsWith("v=0");
            } else if (where.endsWith("message") || where.endsWith(".type") || r.getAsString().equals("pong")) {
                assertThat(a.getAsString()).as(where).isEqualTo(r.getAsString());
            } else if (r.isNumber() && (where.endsWith("code") || where.endsWith(".packetsLost"))) {
                assertThat(a.getAsInt()).as(where).isEqualTo(r.getAsInt());
            } else if (r.isBoolean()) {
                // isMediaFlowingIn/Out, isRemote: what KMS said is what the stand-in must say.
                assertThat(a.getAsBoolean()).as(where).isEqualTo(r.getAsBoolean());
            }
        }
    }

    /** Replays one connection of a file; {@code expectDrop}: the real KMS dropped it at the end. */
    private void replay(String file, int conn, boolean expectDrop) throws Exception {
        Map<Integer, Raw> raws = replay(file, List.of(conn), expectDrop);
        if (!expectDrop) {
            closeAll(raws);
        }
    }

    /**
     * Replays the requests of the given connections in the order the file has them, each connection on a raw
     * connection of its own, and compares every answer with the recorded one. Requests of one connection may name
     * objects another made (a raw client polling Mend's endpoints).
     */
    private Map<Integer, Raw> replay(String file, List<Integer> conns, boolean expectDrop) throws Exception {
        List<Frame> frames = frames(file).stream().filter(f -> conns.contains(f.conn())).toList();
        Map<Integer, Raw> raws = new java.util.LinkedHashMap<>();
        int answered = 0;
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            if (!f.dir().equals("c2s")) {
                continue;
            }
            Raw raw = raws.computeIfAbsent(f.conn(), c -> new Raw());
            if (f.msg().has("__unparsed__")) {
                raw.send(f.msg().get("__unparsed__").getAsString());
                break;
            }
            raw.send(withFullSdp(mapped(f.msg().toString())));
            JsonElement id = f.msg().get("id");
            JsonObject expected = null;
            for (int j = i + 1; j < frames.size(); j++) {
                Frame g = frames.get(j);
                // KMS answers a request it cannot read with a null id.
                if (g.conn().equals(f.conn()) && g.dir().equals("s2c") && !g.msg().has("method")
                        && (!g.msg().has("id") || g.msg().get("id").isJsonNull() || g.msg().get("id").equals(id))) {
                    expected = g.msg();
                    break;
                }
            }
            if (expected == null) {
                break; // KMS dropped the connection instead of answering
            }
            JsonElement answerId = expected.has("id") && !expected.get("id").isJsonNull() ? id : null;
            JsonObject actual = raw.answerTo(answerId);
            JsonElement recorded = JsonParser.parseString(mapped(expected.toString()));
            String where = file + "#" + f.conn() + " " + f.msg().get("method") + " " + id;
            assertThat(actual.has("error")).as(where + " errs").isEqualTo(expected.has("error"));
            compare(where, recorded.getAsJsonObject().has("error") ? recorded.getAsJsonObject().get("error")
                    : recorded.getAsJsonObject().get("result"),
                    actual.has("error") ? actual.get("error") : actual.get("result"));
            answered++;
        }
        assertThat(answered).as("answers compared in " + file).isPositive();
        if (expectDrop) {
            care.mend.media.Eventually.until(java.time.Duration.ofSeconds(10), () -> kms.connectionCount() == 0);
        }
        return raws;
    }

    private static void closeAll(Map<Integer, Raw> raws) {
        raws.values().forEach(raw -> raw.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join());
    }

    /** A flow event reduced to what must match: which object, which event, which medium, which state. */
    private record Flow(String object, String type, String mediaType, String state) {
    }

    private static Flow flow(JsonObject event) {
        JsonObject value = event.getAsJsonObject("params").getAsJsonObject("value");
        JsonObject data = value.getAsJsonObject("data");
        return new Flow(value.get("object").getAsString(), value.get("type").getAsString(),
                data.get("mediaType").getAsString(), data.get("state").getAsString());
    }

    /**
     * The MediaFlowIn/OutStateChanged events the stand-in sent on the connection are exactly those KMS sent on it
     * (ids mapped), whatever their timing.
     */
    private void assertSameFlowEvents(String file, int conn, Raw raw) throws IOException {
        java.util.Set<Flow> recorded = new java.util.HashSet<>();
        for (Frame f : frames(file)) {
            if (f.conn() == conn && f.dir().equals("s2c") && f.msg().has("method")
                    && f.msg().getAsJsonObject("params").getAsJsonObject("value").get("type").getAsString()
                    .startsWith("MediaFlow")) {
                recorded.add(flow(JsonParser.parseString(mapped(f.msg().toString())).getAsJsonObject()));
            }
        }
        assertThat(recorded).as("flow events recorded in " + file).isNotEmpty();
        care.mend.media.Eventually.untilAsserted(java.time.Duration.ofSeconds(10), () -> {
            raw.drainEvents();
            assertThat(raw.events.stream().filter(e -> e.getAsJsonObject("params").getAsJsonObject("value")
                    .get("type").getAsString().startsWith("MediaFlow")).map(TranscriptReplayTest::flow)
                    .collect(java.util.stream.Collectors.toSet())).isEqualTo(recorded);
        });
    }

    @Test
    void lifecycle() throws Exception {
        replay("01-lifecycle.jsonl", 1, false);
    }

    @Test
    void errorsFromTheJavaClient() throws Exception {
        replay("05-errors.jsonl", 1, false);
    }

    @Test
    void errorsFromARawClientUpToTheUnparseableFrameThatDropsTheConnection() throws Exception {
        replay("05-errors.jsonl", 2, true);
    }

    @Test
    void malformedRequestsUpToTheArrayParamsThatDropTheConnection() throws Exception {
        replay("05-errors.jsonl", 3, true);
    }

    @Test
    void aRestartedServerRefusesTheOldSessionAndForgetsTheOldIds() throws Exception {
        replay("07-reconnect.jsonl", 1, false);
        kms.stop();
        kms.restart();
        replay("07-reconnect.jsonl", 3, false);
    }

    @Test
    void ping() throws Exception {
        replay("08-ping.jsonl", 1, false);
    }

    @Test
    void sfuWiring() throws Exception {
        withBrowsers();
        replay("03-sfu-two-publishers.jsonl", 1, false);
    }

    // Recordings of Mend itself on KMS 7.3.0 (shared/kurento-protocol/mend), cut to the frames each test needs.

    @Test
    void aPublisherWithNoSinkReportsWhatItsBrowserSends() throws Exception {
        withBrowsers();
        Map<Integer, Raw> raws = replay("mend-qd-publisher-without-sink.jsonl", List.of(1), false);
        // FLOWING out for audio and video, no sink connected, and nothing flowing in.
        assertSameFlowEvents("mend-qd-publisher-without-sink.jsonl", 1, raws.get(1));
        closeAll(raws);
    }

    @Test
    void getStatsOnPublishersBeforeAndAfterAudioOnlyAnswersLikeKms730() throws Exception {
        withBrowsers();
        // Conn 1 is Mend making the publishers; conn 2 a raw client polling getStats and isMediaFlowing* on them:
        // one inbound entry per medium the browser sends, packetsLost -1, none for video on the audio-only
        // publisher (null), and 40101 on the endpoint audio only replaced.
        closeAll(replay("mend-02-getstats.jsonl", List.of(1, 2), false));
    }

    @Test
    void aNewClientAfterARestartGetsASessionFromItsFirstProbe() throws Exception {
        // Mend's fresh client after KMS came back: getInfo with no session opens one; the ping echoes it.
        replay("mend-03c-new-client-after-restart.jsonl", 3, false);
    }
}
