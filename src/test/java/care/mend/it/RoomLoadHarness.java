package care.mend.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import care.mend.media.kurento.standin.KurentoStandIn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load harness ({@code mvn -Pperformance verify}): drives R rooms × 13 real WebSocket clients (one facilitator,
 * twelve patients, real Keycloak identities) through a whole session on the provisioned server, its media on the
 * Kurento protocol stand-in answering each call after {@code -Dmend.perf.kms-latency-ms} (default 2), for each R of
 * {@code -Dmend.perf.rooms} (default {@value #DEFAULT_STEPS}), and prints and writes (under
 * {@code target/performance/}) what it measured: participants connected, join-to-answer latency (from sending
 * {@code admit} to the last SDP answer the patient needs: its publisher and a subscription to everyone publishing; to
 * {@code admitted} when the server has no media), hand-raise broadcast latency, server heap after GC and RSS per participant, CPU seconds, and errors. It asserts nothing about
 * time: it is a measuring instrument, not a test.
 *
 * <p>Per step: connect everyone (a ticket each, then the socket); facilitators join; patients join and wait;
 * facilitators admit their patients one by one (the latency runs from sending {@code admit} to the patient's
 * {@code admitted}); one patient per room raises a hand (latency to each of the twelve others seeing it); half the
 * patients switch to audio-only; one patient per room loses its connection and resumes on a new socket; one leaves;
 * the facilitator ends the session and everyone is dismissed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("performance")
class RoomLoadHarness {

    static final String DEFAULT_STEPS = "10,50";

    /**
     * Admissions and hand raises arrive as they do in a clinic, at their own times, not all in one instant: in each
     * room the facilitator admits the next patient every {@code mend.perf.admit-interval-ms} (default 5000; the rooms
     * start at random offsets within one interval), whether or not the previous admission is complete (an open
     * loop: a slow server does not slow the arrivals down, so its queueing shows in the latencies). A burst of all
     * rooms at the same instant measures throughput, which the step's wall and CPU seconds already show.
     */
    private static final long ADMIT_INTERVAL_MS = Long.getLong("mend.perf.admit-interval-ms", 5000);

    /** The rooms' hands go up at random moments within this window (default 5000 ms). */
    private static final long HAND_WINDOW_MS = Long.getLong("mend.perf.hand-window-ms", 5000);

    /** A step of this many rooms runs first and is not reported: the server's JIT warms up (default 10; 0: none). */
    private static final int WARM_UP_ROOMS = Integer.getInteger("mend.perf.warm-up-rooms", 10);
    /** How long everyone sits connected and silent, to measure what the heartbeat alone costs the server. */
    private static final int IDLE_SECONDS = Integer.getInteger("mend.perf.idle-seconds", 30);

    private final java.util.Random random = new java.util.Random(20261123);
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(5);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    /** One participant: its user, socket and place in the room. */
    static final class Seat {
        final String user;
        volatile LoadClient client;
        volatile String participantId;
        volatile String resumeToken;

        Seat(String user) {
            this.user = user;
        }
    }

    record LiveRoom(String sessionId, Seat facilitator, List<Seat> patients, List<Seat> publishers) {
        List<Seat> everyone() {
            List<Seat> all = new ArrayList<>(patients);
            all.add(0, facilitator);
            return all;
        }
    }

    /** What one step measured. */
    record StepResult(int rooms, int participants, int connected, boolean media, Stats joinToAnswer, Stats handRaise,
                      long heapIdleBytes, long heapPerParticipantBytes, long rssIdleBytes, long rssPerParticipantBytes,
                      double cpuSeconds, double generatorCpuSeconds, double wallSeconds, int kmsCallsPerJoin, int kmsRoundsPerOffer,
                      int kmsObjectsLeft, int errors, Idle idle) {
    }

    /**
     * The heartbeat's cost: the server's CPU per second of wall time while nobody in the rooms does anything but answer
     * pings, against the same with nobody connected (timers, GC, the management agent); the difference per ping.
     */
    record Idle(double seconds, double baselineCpuPercent, double connectedCpuPercent, double pingsPerSecond) {
        double microsPerPing() {
            return pingsPerSecond == 0 ? 0
                    : (connectedCpuPercent - baselineCpuPercent) / 100 * 1e6 / pingsPerSecond;
        }
    }

    /** The server's CPU as a percentage of one core over {@code seconds} of doing nothing here. */
    private static double[] cpuWhileIdle(ServerProcess server, int seconds) throws Exception {
        long pings = LoadClient.PINGS.get();
        long cpu = server.cpuNanos();
        long wall = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measurement is of time passing with nothing sent
        double elapsed = (System.nanoTime() - wall) / 1e9;
        return new double[] {(server.cpuNanos() - cpu) / 1e9 / elapsed * 100,
            (LoadClient.PINGS.get() - pings) / elapsed};
    }

    /** Percentiles of latencies in milliseconds. */
    record Stats(int count, double p50, double p95, double p99, double max) {
        static Stats of(ConcurrentLinkedQueue<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return new Stats(0, 0, 0, 0, 0);
            }
            return new Stats(sorted.size(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                    sorted.get(sorted.size() - 1) / 1e6);
        }

        private static double ms(List<Long> sorted, double q) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
        }
    }

    private final AtomicInteger errors = new AtomicInteger();
    private final ExecutorService http = Executors.newFixedThreadPool(8);
    private HttpClient sockets;
    private Api api;
    private URI signaling;
    private String origin;

    @Test
    void measure() throws Exception {
        api = Api.of(url);
        String port = System.getProperty("mend.it.http.port");
        origin = "http://127.0.0.1:" + port;
        signaling = URI.create("ws://127.0.0.1:" + port + "/signaling");
        sockets = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        int[] steps = Arrays.stream(System.getProperty("mend.perf.rooms", DEFAULT_STEPS).split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        LoadPopulation population = new LoadPopulation(() -> api.as("admin"), http);
        List<StepResult> results = new ArrayList<>();
        System.out.printf(Locale.ROOT, "KMS latency %d ms per call; an admission every %d ms per room; hands within %d ms;"
                        + " warm-up %d rooms%n", Long.getLong("mend.perf.kms-latency-ms", 2), ADMIT_INTERVAL_MS,
                HAND_WINDOW_MS, WARM_UP_ROOMS);
        try (ServerProcess server = ServerProcess.find(Path.of(System.getProperty("mend.server.dir")))) {
            if (WARM_UP_ROOMS > 0) {
                population.ensureUsers(IntegrationEnvironment.keycloakAdmin(), WARM_UP_ROOMS);
                StepResult warm = step(population.rooms(WARM_UP_ROOMS), server);
                System.out.printf(Locale.ROOT, "warm-up: %d rooms, join-to-answer p50 %.1f ms, %d errors (not reported)%n",
                        warm.rooms(), warm.joinToAnswer().p50(), warm.errors());
            }
            for (int rooms : steps) {
                population.ensureUsers(IntegrationEnvironment.keycloakAdmin(), rooms);
                List<LoadPopulation.RoomPlan> plans = population.rooms(rooms);
                results.add(step(plans, server));
                print(results);
                write(results); // after every step: a run cut short keeps what it measured
            }
        } finally {
            http.shutdownNow();
        }
    }

    private StepResult step(List<LoadPopulation.RoomPlan> plans, ServerProcess server) throws Exception {
        errors.set(0);
        List<LiveRoom> rooms = plans.stream().map(p -> new LiveRoom(p.sessionId(), new Seat(p.facilitatorUser()),
                p.patientUsers().stream().map(Seat::new).toList(),
                Collections.synchronizedList(new ArrayList<>()))).toList();
        List<Seat> everyone = rooms.stream().flatMap(r -> r.everyone().stream()).toList();
        // Tokens first: logging in is Keycloak's cost, not Mend's.
        LoadPopulation.all(http, everyone.stream().<Callable<String>>map(s -> () -> Tokens.of(s.user)).toList());

        KurentoStandIn kms = IntegrationEnvironment.kurento();
        kms.latency(Duration.ofMillis(Long.getLong("mend.perf.kms-latency-ms", 2)));
        long heapIdle = server.heapAfterGc();
        long rssIdle = server.residentBytes();
        double baselineCpu = IDLE_SECONDS > 0 ? cpuWhileIdle(server, Math.max(5, IDLE_SECONDS / 3))[0] : 0;
        long cpuStart = server.cpuNanos();
        long generatorCpuStart = generatorCpuNanos();
        long wallStart = System.nanoTime();

        // Connect: a ticket over HTTP, then the socket.
        List<CompletableFuture<?>> connecting = new ArrayList<>();
        for (Seat seat : everyone) {
            connecting.add(CompletableFuture.supplyAsync(() -> ticket(seat.user), http)
                    .thenCompose(ticket -> LoadClient.open(sockets, signaling, origin, ticket, errors))
                    .thenAccept(client -> seat.client = client));
        }
        awaitAll("connect", connecting);
        int connected = (int) everyone.stream().filter(s -> s.client != null).count();

        // Facilitators join, then patients join and wait.
        awaitAll("facilitators join", rooms.stream().map(r -> join(r.sessionId(), r.facilitator())).toList());
        awaitAll("patients join", rooms.stream().flatMap(r -> r.patients().stream().map(p -> join(r.sessionId(), p)))
                .toList());

        // Media, when the server has it: facilitators publish first.
        // -Dmend.perf.media=false measures signaling alone: nobody publishes.
        media = Boolean.parseBoolean(System.getProperty("mend.perf.media", "true")) && mediaAvailable(rooms.get(0));
        if (media) {
            awaitAll("facilitators publish", rooms.stream().skip(1).map(r -> publish(r.facilitator())
                    .thenRun(() -> r.publishers().add(r.facilitator()))).toList());
        }
        List<CompletableFuture<?>> background = Collections.synchronizedList(new ArrayList<>());

        // Admission, one by one in each room, all rooms at once. With media, a patient's latency runs to the last
        // SDP answer it needs (its publisher and a subscription to everyone publishing); the others' subscriptions
        // to the newcomer run beside it.
        ConcurrentLinkedQueue<Long> admitted = new ConcurrentLinkedQueue<>();
        kms.clearCalls();
        awaitAll("admit", rooms.stream().map(r -> admitAll(r, admitted, background)).toList());
        // The calls a join costs the media server: its publisher and its subscriptions (others' come after).
        int kmsCallsPerJoin = admitted.isEmpty() ? 0 : kms.calls().size() / admitted.size();
        awaitAll("subscriptions to newcomers", List.copyOf(background));
        awaitAll("client candidates", List.copyOf(trickles));
        trickles.clear();
        int kmsRounds = media ? roundTripsOfOneOffer(kms, rooms.get(0).facilitator()) : 0;

        long heapBusy = server.heapAfterGc();
        long rssBusy = server.residentBytes();
        // Everyone in and silent: only the heartbeat (a ping every 3 s per connection) runs.
        double[] connectedIdle = IDLE_SECONDS > 0 ? cpuWhileIdle(server, IDLE_SECONDS) : new double[] {0, 0};
        Idle idle = new Idle(IDLE_SECONDS, baselineCpu, connectedIdle[0], connectedIdle[1]);

        // One hand per room, seen by the twelve others.
        ConcurrentLinkedQueue<Long> broadcast = new ConcurrentLinkedQueue<>();
        awaitAll("hand raise", rooms.stream().map(r -> raiseHand(r, broadcast)).toList());

        // Half the patients switch to audio-only.
        awaitAll("audio-only", rooms.stream().flatMap(r -> r.patients().stream().limit(6)
                .map(p -> request(p, "ao", "{\"type\":\"setAudioOnly\",\"requestId\":\"ao\",\"enabled\":true}")))
                .toList());

        // One patient per room drops and resumes on a new socket; another leaves.
        awaitAll("drop and resume", rooms.stream().map(r -> dropAndResume(r, r.patients().get(1))).toList());
        awaitAll("leave", rooms.stream().map(r -> request(r.patients().get(2), "bye",
                "{\"type\":\"leave\",\"requestId\":\"bye\"}")).toList());

        // The end: everyone still in is dismissed.
        awaitAll("end", rooms.stream().map(this::end).toList());
        double cpu = (server.cpuNanos() - cpuStart) / 1e9;
        double generatorCpu = (generatorCpuNanos() - generatorCpuStart) / 1e9;
        long releaseDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!kms.liveObjects().isEmpty() && System.nanoTime() < releaseDeadline) {
            Thread.sleep(100); // the rooms release their media after the end, off the signaling path
        }
        int kmsObjectsLeft = kms.liveObjects().size();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        awaitAll("close", everyone.stream().filter(s -> s.client != null).map(s -> s.client.close()).toList());

        int participants = everyone.size();
        return new StepResult(rooms.size(), participants, connected, media, Stats.of(admitted), Stats.of(broadcast),
                heapIdle, (heapBusy - heapIdle) / participants, rssIdle, (rssBusy - rssIdle) / participants, cpu, generatorCpu,
                wall,
                kmsCallsPerJoin, kmsRounds, kmsObjectsLeft, errors.get(), idle);
    }

    /** This JVM's CPU: the load generator's clients and the Kurento stand-in, which share the machine's cores. */
    private static long generatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private String ticket(String user) {
        HttpResult ticket = api.withToken(Tokens.of(user)).post("/api/signaling/tickets", "");
        if (ticket.status() != 200) {
            errors.incrementAndGet();
            throw new IllegalStateException("ticket refused: " + ticket.status());
        }
        return ticket.json().getString("ticket");
    }

    private CompletableFuture<?> join(String sessionId, Seat seat) {
        if (seat.client == null) {
            return CompletableFuture.completedFuture(null);
        }
        return request(seat, "join", "{\"type\":\"join\",\"requestId\":\"join\",\"sessionId\":\"" + sessionId + "\"}")
                .thenAccept(joined -> {
                    seat.participantId = joined.message().getString("participantId");
                    seat.resumeToken = joined.message().getString("resumeToken");
                });
    }

    /** Sends the request and completes with its reply, counting a refusal as an error. */
    private CompletableFuture<LoadClient.Received> request(Seat seat, String requestId, String frame) {
        CompletableFuture<LoadClient.Received> reply = seat.client.expectReply(requestId);
        seat.client.send(frame);
        return reply.thenApply(received -> {
            if ("error".equals(received.message().getString("type"))) {
                errors.incrementAndGet();
                throw new IllegalStateException(requestId + " refused: " + received.message().getString("code"));
            }
            return received;
        });
    }

    /**
     * The KMS round trips between an offer and its answer: one publish alone, once the media server is quiet (the
     * stand-in counts depth per connection, so other work in flight would add to it).
     */
    private int roundTripsOfOneOffer(KurentoStandIn kms, Seat seat) throws Exception {
        kms.awaitQuiet(Duration.ofMillis(300), PHASE_TIMEOUT);
        kms.clearCalls();
        publish(seat).get(PHASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return kms.calls().stream().filter(c -> "processOffer".equals(c.detail()))
                .mapToInt(KurentoStandIn.Call::round).max().orElse(-1);
    }

    private boolean mediaAvailable(LiveRoom room) throws Exception {
        CompletableFuture<LoadClient.Received> reply = room.facilitator().client.expectReply("pub");
        room.facilitator().client.send(publishFrame());
        LoadClient.Received answer = reply.get(PHASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if ("sdpAnswer".equals(answer.message().getString("type"))) {
            room.publishers().add(room.facilitator());
            return true;
        }
        System.out.println("  media: " + answer.message().getString("code", "?") + "; signaling only");
        return false;
    }

    private static final String PUBLISH_OFFER = sdp("chromium-offer-03-sfu-two-publishers-1.sdp");
    private static final String SUBSCRIBE_OFFER = sdp("chromium-offer-03-sfu-two-publishers-3.sdp");

    private static String sdp(String name) {
        try (var in = RoomLoadHarness.class.getResourceAsStream("/kurento-protocol/sdp/" + name)) {
            return in == null ? "v=0\r\n" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String publishFrame() {
        return Json.createObjectBuilder().add("type", "publish").add("requestId", "pub").add("sdpOffer", PUBLISH_OFFER)
                .build().toString();
    }

    private CompletableFuture<LoadClient.Received> publish(Seat seat) {
        return answered(seat, request(seat, "pub", publishFrame()));
    }

    private CompletableFuture<LoadClient.Received> subscribe(Seat seat, Seat publisher) {
        String requestId = "sub-" + publisher.participantId;
        return answered(seat, request(seat, requestId, Json.createObjectBuilder().add("type", "subscribe")
                .add("requestId", requestId).add("publisherId", publisher.participantId)
                .add("sdpOffer", SUBSCRIBE_OFFER).build().toString()));
    }

    /** The answer; then, as a browser trickles, the client's candidate for that endpoint (not on the timed path). */
    private CompletableFuture<LoadClient.Received> answered(Seat seat, CompletableFuture<LoadClient.Received> reply) {
        return reply.thenApply(received -> {
            if (!"sdpAnswer".equals(received.message().getString("type"))) {
                errors.incrementAndGet();
                throw new IllegalStateException("no SDP answer");
            }
            trickles.add(trickle(seat, received.message().getJsonObject("endpoint")));
            return received;
        });
    }

    private final List<CompletableFuture<?>> trickles = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger candidates = new AtomicInteger();

    /** A host candidate on a documentation address (RFC 5737), as a browser sends after its offer is answered. */
    private CompletableFuture<?> trickle(Seat seat, JsonObject endpoint) {
        String requestId = "ice-" + candidates.incrementAndGet();
        return request(seat, requestId, Json.createObjectBuilder().add("type", "iceCandidate")
                .add("requestId", requestId).add("endpoint", endpoint)
                .add("candidate", "candidate:1 1 udp 2113937151 192.0.2.10 " + (40000 + candidates.get() % 20000)
                        + " typ host generation 0")
                .add("sdpMid", "0").add("sdpMLineIndex", 0).build().toString());
    }

    private volatile boolean media;

    private CompletableFuture<?> admitAll(LiveRoom room, ConcurrentLinkedQueue<Long> latencies,
                                          List<CompletableFuture<?>> background) {
        long offset = (long) (random.nextDouble() * ADMIT_INTERVAL_MS);
        List<CompletableFuture<?>> admissions = new ArrayList<>();
        int n = 0;
        for (Seat patient : room.patients()) {
            String requestId = "admit-" + (++n);
            long at = offset + (n - 1) * ADMIT_INTERVAL_MS;
            admissions.add(CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(at,
                    TimeUnit.MILLISECONDS)).thenCompose(ignored -> admit(room, patient, requestId, latencies, background)));
        }
        return CompletableFuture.allOf(admissions.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<?> admit(LiveRoom room, Seat patient, String requestId,
                                       ConcurrentLinkedQueue<Long> latencies, List<CompletableFuture<?>> background) {
        if (patient.participantId == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<LoadClient.Received> in = patient.client.expect(
                m -> "admitted".equals(m.getString("type", null)));
        long sent = System.nanoTime();
        CompletableFuture<LoadClient.Received> inside = request(room.facilitator(), requestId,
                "{\"type\":\"admit\",\"requestId\":\"" + requestId + "\",\"participantId\":\""
                        + patient.participantId + "\"}").thenCompose(ok -> in);
        if (!media) {
            return inside.thenAccept(received -> latencies.add(received.atNanos() - sent));
        }
        return inside.thenCompose(received -> {
            List<Seat> present = List.copyOf(room.publishers());
            List<CompletableFuture<LoadClient.Received>> answers = new ArrayList<>();
            answers.add(publish(patient));
            present.forEach(publisher -> answers.add(subscribe(patient, publisher)));
            return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenAccept(done -> {
                latencies.add(answers.stream().mapToLong(a -> a.join().atNanos()).max().orElseThrow() - sent);
                present.forEach(other -> background.add(subscribe(other, patient)));
                room.publishers().add(patient);
            });
        });
    }

    private CompletableFuture<?> raiseHand(LiveRoom room, ConcurrentLinkedQueue<Long> latencies) {
        long at = (long) (random.nextDouble() * HAND_WINDOW_MS);
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(at, TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> raiseHandNow(room, latencies));
    }

    private CompletableFuture<?> raiseHandNow(LiveRoom room, ConcurrentLinkedQueue<Long> latencies) {
        Seat raiser = room.patients().get(0);
        List<CompletableFuture<?>> seen = new ArrayList<>();
        for (Seat other : room.everyone()) {
            if (other != raiser && other.client != null) {
                seen.add(other.client.expect(m -> "roomUpdated".equals(m.getString("type", null))
                        && handRaised(m, raiser.participantId)));
            }
        }
        long sent = System.nanoTime();
        request(raiser, "hand", "{\"type\":\"raiseHand\",\"requestId\":\"hand\"}");
        return CompletableFuture.allOf(seen.stream().map(f -> f.thenAccept(received -> latencies.add(
                ((LoadClient.Received) received).atNanos() - sent))).toArray(CompletableFuture[]::new));
    }

    private static boolean handRaised(JsonObject update, String participantId) {
        return update.getJsonObject("room").getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("participantId").equals(participantId) && p.getBoolean("handRaised"));
    }

    private CompletableFuture<?> dropAndResume(LiveRoom room, Seat seat) {
        CompletableFuture<LoadClient.Received> seenDropped = room.facilitator().client.expect(
                m -> "roomUpdated".equals(m.getString("type", null)) && reconnecting(m, seat.participantId));
        seat.client.drop();
        return seenDropped
                .thenApplyAsync(ignored -> ticket(seat.user), http)
                .thenCompose(ticket -> LoadClient.open(sockets, signaling, origin, ticket, errors))
                .thenCompose(client -> {
                    seat.client = client;
                    return request(seat, "resume", "{\"type\":\"resume\",\"requestId\":\"resume\",\"sessionId\":\""
                            + room.sessionId() + "\",\"resumeToken\":\"" + seat.resumeToken + "\"}");
                })
                .thenAccept(resumed -> seat.resumeToken = resumed.message().getString("resumeToken"));
    }

    private static boolean reconnecting(JsonObject update, String participantId) {
        return update.getJsonObject("room").getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("participantId").equals(participantId) && p.getBoolean("reconnecting"));
    }

    private CompletableFuture<?> end(LiveRoom room) {
        List<CompletableFuture<?>> dismissed = new ArrayList<>();
        for (Seat seat : room.everyone()) {
            if (seat != room.patients().get(2) && seat.client != null) {
                dismissed.add(seat.client.expect(m -> "dismissed".equals(m.getString("type", null))));
            }
        }
        dismissed.add(request(room.facilitator(), "end", "{\"type\":\"endSession\",\"requestId\":\"end\"}"));
        return CompletableFuture.allOf(dismissed.toArray(CompletableFuture[]::new));
    }

    /** Waits for every future of the phase; each one that fails or does not finish in time is an error. */
    private void awaitAll(String phase, List<? extends CompletableFuture<?>> futures) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        int failed = 0;
        for (CompletableFuture<?> future : futures) {
            try {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failed++;
            }
        }
        if (failed > 0) {
            errors.addAndGet(failed);
            System.out.printf(Locale.ROOT, "  %s: %d of %d did not complete%n", phase, failed, futures.size());
        }
    }

    // ---- output ----

    private static void print(List<StepResult> results) {
        // One write: the server's log shares this console.
        System.out.print(System.lineSeparator() + table(results) + System.lineSeparator());
    }

    private static String table(List<StepResult> results) {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(text);
        out.println("| rooms | participants | connected | media | join-to-answer p50 / p95 / p99 / max ms | hand-raise p50 / p99 ms"
                + " | heap KiB / participant | RSS KiB / participant | server CPU s | generator CPU s | wall s | KMS calls / join | KMS round trips / offer"
                + " | KMS objects left | errors | idle server CPU % of a core, none / all connected | pings / s | CPU µs / ping |");
        out.println("| ---: | ---: | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        for (StepResult r : results) {
            out.printf(Locale.ROOT, "| %d | %d | %d | %s | %.1f / %.1f / %.1f / %.1f | %.1f / %.1f | %.1f | %.1f"
                            + " | %.1f | %.1f | %.1f | %d | %d | %d | %d | %.1f / %.1f | %.0f | %.1f |%n", r.rooms(),
                    r.participants(), r.connected(),
                    r.media() ? "SFU" : "none",
                    r.joinToAnswer().p50(), r.joinToAnswer().p95(), r.joinToAnswer().p99(),
                    r.joinToAnswer().max(), r.handRaise().p50(), r.handRaise().p99(),
                    r.heapPerParticipantBytes() / 1024.0, r.rssPerParticipantBytes() / 1024.0, r.cpuSeconds(),
                    r.generatorCpuSeconds(),
                    r.wallSeconds(), r.kmsCallsPerJoin(), r.kmsRoundsPerOffer(), r.kmsObjectsLeft(), r.errors(),
                    r.idle().baselineCpuPercent(), r.idle().connectedCpuPercent(), r.idle().pingsPerSecond(),
                    r.idle().microsPerPing());
        }
        out.flush();
        return text.toString();
    }

    private static final String RUN = Instant.now().toString().replace(':', '-');

    private static void write(List<StepResult> results) throws IOException {
        JsonArrayBuilder steps = Json.createArrayBuilder();
        Function<Stats, JsonObjectBuilder> stats = s -> Json.createObjectBuilder().add("count", s.count())
                .add("p50Ms", s.p50()).add("p95Ms", s.p95()).add("p99Ms", s.p99()).add("maxMs", s.max());
        for (StepResult r : results) {
            steps.add(Json.createObjectBuilder()
                    .add("rooms", r.rooms()).add("participants", r.participants()).add("connected", r.connected())
                    .add("media", r.media())
                    .add("joinToAnswer", stats.apply(r.joinToAnswer()))
                    .add("handRaiseBroadcast", stats.apply(r.handRaise()))
                    .add("heapIdleBytes", r.heapIdleBytes())
                    .add("heapPerParticipantBytes", r.heapPerParticipantBytes())
                    .add("rssIdleBytes", r.rssIdleBytes())
                    .add("rssPerParticipantBytes", r.rssPerParticipantBytes())
                    .add("cpuSeconds", r.cpuSeconds()).add("generatorCpuSeconds", r.generatorCpuSeconds())
                    .add("wallSeconds", r.wallSeconds())
                    .add("kmsCallsPerJoin", r.kmsCallsPerJoin()).add("kmsRoundTripsPerOffer", r.kmsRoundsPerOffer())
                    .add("kmsObjectsLeft", r.kmsObjectsLeft())
                    .add("errors", r.errors())
                    .add("idle", Json.createObjectBuilder().add("seconds", r.idle().seconds())
                            .add("baselineCpuPercent", r.idle().baselineCpuPercent())
                            .add("connectedCpuPercent", r.idle().connectedCpuPercent())
                            .add("pingsPerSecond", r.idle().pingsPerSecond())
                            .add("cpuMicrosPerPing", r.idle().microsPerPing())));
        }
        JsonObject report = Json.createObjectBuilder()
                .add("at", Instant.now().toString())
                .add("kmsLatencyMs", Long.getLong("mend.perf.kms-latency-ms", 2))
                .add("admitIntervalMs", ADMIT_INTERVAL_MS).add("handWindowMs", HAND_WINDOW_MS)
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add("steps", steps).build();
        Path dir = Path.of(System.getProperty("mend.perf.out", "target/performance"));
        Files.createDirectories(dir);
        Path file = dir.resolve("room-load-" + RUN + ".json");
        Files.writeString(file, report.toString());
        Files.writeString(dir.resolve(file.getFileName().toString().replace(".json", ".md")), table(results));
        System.out.println("Figures written to " + file.toAbsolutePath());
    }
}
