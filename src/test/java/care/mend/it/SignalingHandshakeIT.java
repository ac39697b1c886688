package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * The signaling handshake on the provisioned server with real Keycloak tokens: a ticket admits exactly one
 * connection of exactly its holder; anything else (no ticket, a forged or reused one, a foreign or missing Origin)
 * is refused; malformed frames are answered, not fatal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignalingHandshakeIT {

    private static final String TICKETS = "/api/signaling/tickets";

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
        // arquillian.xml allows exactly these origins (-Dmend.allowed-origins).
        String port = System.getProperty("mend.it.http.port");
        origin = "http://127.0.0.1:" + port;
        signaling = URI.create("ws://127.0.0.1:" + port + "/signaling");
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SignalingClient::close);
    }

    private String ticketFor(String username) {
        HttpResult result = api.as(username).post(TICKETS, "");
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json().getString("ticket");
    }

    private CompletableFuture<SignalingClient> openAsync(String origin, List<String> subprotocols, String query) {
        URI uri = query == null ? signaling : URI.create(signaling + "?" + query);
        return SignalingClient.open(uri, origin, subprotocols).thenApply(client -> {
            synchronized (clients) {
                clients.add(client);
            }
            return client;
        });
    }

    private SignalingClient open(String origin, List<String> subprotocols, String query) throws Exception {
        return openAsync(origin, subprotocols, query).get(SignalingClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private SignalingClient openWithTicket(String ticket) throws Exception {
        return open(origin, List.of("mend.v1", "mend.ticket." + ticket), null);
    }

    private static List<String> roles(JsonObject welcome) {
        return welcome.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }

    private static void assertRefusedAsTicketInvalid(SignalingClient client) throws Exception {
        SignalingClient.Closed closed = client.awaitClose();
        assertThat(closed.code()).isEqualTo(1008);
        assertThat(closed.reason()).isEqualTo("TICKET_INVALID");
        assertThat(client.pending()).as("messages before the close").isZero();
    }

    private static int handshakeStatus(CompletableFuture<SignalingClient> handshake) {
        Throwable failure = assertThatThrownBy(() -> handshake.get(SignalingClient.TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS)).cause().actual();
        assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure).getResponse().statusCode();
    }

    // ---- admitted ----

    @Test
    void aTicketFromARealTokenAdmitsTheHolderAndTheWelcomeNamesRolesNotTheSubject() throws Exception {
        SignalingClient client = openWithTicket(ticketFor("facilitator"));

        JsonObject welcome = client.next();

        assertThat(client.socket().getSubprotocol()).isEqualTo("mend.v1");
        assertThat(welcome.getString("type")).isEqualTo("welcome");
        assertThat(roles(welcome)).containsExactly("facilitator");
        assertThat(welcome.keySet()).containsExactlyInAnyOrder("type", "roles", "iceServers");
    }

    @Test
    void theWelcomeCarriesStunAndTurnWithACredentialCoturnAccepts() throws Exception {
        SignalingClient client = openWithTicket(ticketFor("patient1"));

        JsonObject welcome = client.next();

        var servers = welcome.getJsonArray("iceServers");
        assertThat(servers).hasSize(2);
        assertThat(servers.getJsonObject(0).getJsonArray("urls").getString(0)).startsWith("stun:");
        JsonObject turn = servers.getJsonObject(1);
        assertThat(turn.getJsonArray("urls").getString(0)).startsWith("turn:");
        String username = turn.getString("username");
        long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
        assertThat(expiry).isGreaterThan(java.time.Instant.now().getEpochSecond());
        assertThat(username).doesNotContain("patient1");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                System.getProperty("mend.it.turn-secret").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA1"));
        assertThat(turn.getString("credential")).isEqualTo(java.util.Base64.getEncoder().encodeToString(
                mac.doFinal(username.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void theTicketMayAlsoComeInTheQuery() throws Exception {
        SignalingClient client = open(origin, List.of("mend.v1"), "ticket=" + ticketFor("patient1"));

        assertThat(roles(client.next())).containsExactly("patient");
    }

    @Test
    void aTicketIsOpaqueShortLivedAndNotCached() {
        Instant before = Instant.now();
        HttpResult result = api.as("facilitator").post(TICKETS, "");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().keySet()).containsExactlyInAnyOrder("ticket", "expiresAt");
        assertThat(result.json().getString("ticket")).matches("[A-Za-z0-9_-]{43}");
        Instant expiresAt = Instant.parse(result.json().getString("expiresAt"));
        assertThat(expiresAt).isBetween(before.plusSeconds(25), Instant.now().plusSeconds(35));
    }

    @Test
    void noTokenNoTicket() {
        assertThat(api.post(TICKETS, "").status()).isEqualTo(401);
        assertThat(api.withToken(Tokens.fromOtherRealm()).post(TICKETS, "").status()).isEqualTo(401);
    }

    @Test
    void concurrentHandshakesOfDifferentUsersEachKeepTheirOwnIdentity() throws Exception {
        List<String> users = new ArrayList<>();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String user = i % 2 == 0 ? "facilitator" : "patient1";
            users.add(user);
            tickets.add(ticketFor(user));
        }
        List<CompletableFuture<SignalingClient>> handshakes = new ArrayList<>();
        for (String ticket : tickets) {
            handshakes.add(openAsync(origin, List.of("mend.v1", "mend.ticket." + ticket), null));
        }

        for (int i = 0; i < handshakes.size(); i++) {
            SignalingClient client = handshakes.get(i).get(SignalingClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String expected = users.get(i).equals("facilitator") ? "facilitator" : "patient";
            assertThat(roles(client.next())).as("connection %d", i).containsExactly(expected);
        }
    }

    // ---- refused ----

    @Test
    void noTicketIsRefused() throws Exception {
        assertRefusedAsTicketInvalid(open(origin, List.of("mend.v1"), null));
    }

    @Test
    void aHandshakeThatDoesNotOfferTheVersionIsRefusedAndItsTicketUsedUp() throws Exception {
        String ticket = ticketFor("patient1");
        SignalingClient withoutVersion = open(origin, List.of("mend.ticket." + ticket), null);
        SignalingClient.Closed closed = withoutVersion.awaitClose();
        assertThat(closed.code()).isEqualTo(1008);
        assertThat(closed.reason()).isEqualTo("VERSION_REQUIRED");
        assertThat(withoutVersion.pending()).as("messages before the close").isZero();
        // the ticket went with the refusal
        assertRefusedAsTicketInvalid(openWithTicket(ticket));

        SignalingClient noProtocolAtAll = open(origin, List.of(), "ticket=" + ticketFor("patient1"));
        assertThat(noProtocolAtAll.awaitClose().reason()).isEqualTo("VERSION_REQUIRED");
    }

    @Test
    void aForgedTicketIsRefused() throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        assertRefusedAsTicketInvalid(openWithTicket(forged));
        assertRefusedAsTicketInvalid(open(origin, List.of("mend.v1"), "ticket=not-a-ticket"));
    }

    @Test
    void aTicketAdmitsOnceSoAReconnectNeedsANewOne() throws Exception {
        String ticket = ticketFor("facilitator");
        SignalingClient first = openWithTicket(ticket);
        assertThat(first.next().getString("type")).isEqualTo("welcome");
        first.close();
        first.awaitClose();

        assertRefusedAsTicketInvalid(openWithTicket(ticket));
        assertThat(openWithTicket(ticketFor("facilitator")).next().getString("type")).isEqualTo("welcome");
    }

    @Test
    void aForeignOriginIsRefusedWith403AndUsesTheTicketUp() throws Exception {
        String ticket = ticketFor("facilitator");

        int status = handshakeStatus(openAsync("https://evil.example", List.of("mend.v1", "mend.ticket." + ticket),
                null));

        assertThat(status).isEqualTo(403);
        assertRefusedAsTicketInvalid(openWithTicket(ticket));
    }

    @Test
    void aLookalikeOrMissingOriginIsRefused() {
        String port = System.getProperty("mend.it.http.port");
        assertThat(handshakeStatus(openAsync("http://127.0.0.1:" + port + ".evil.example",
                List.of("mend.v1", "mend.ticket." + ticketFor("facilitator")), null))).isEqualTo(403);
        assertThat(handshakeStatus(openAsync(null, List.of("mend.v1", "mend.ticket." + ticketFor("facilitator")),
                null))).isEqualTo(403);
    }

    // ---- messages ----

    @Test
    void malformedFramesAreAnsweredWithACodeAndTheSocketStaysOpen() throws Exception {
        SignalingClient client = openWithTicket(ticketFor("facilitator"));
        assertThat(client.next().getString("type")).isEqualTo("welcome");

        for (String frame : List.of("{", "not json", "[1,2]", "{\"type\":42}", "{\"type\":\"join\"} trailing")) {
            client.send(frame);
            JsonObject error = client.next();
            assertThat(error.getString("type")).as(frame).isEqualTo("error");
            assertThat(error.getString("code")).as(frame).isEqualTo("MALFORMED_MESSAGE");
        }
        client.send("{\"type\":\"join\",\"requestId\":\"r-7\",\"roomId\":\"anything\"}");
        JsonObject notYet = client.next();

        assertThat(notYet.getString("code")).isEqualTo("INVALID_MESSAGE");
        assertThat(notYet.getString("requestId")).isEqualTo("r-7");
        assertThat(notYet.getString("message")).doesNotContain("anything");
        assertThat(client.isClosed()).isFalse();
    }

    /**
     * A 32 MiB message sent in 64 KiB parts is closed with 1009 once it passes the 256 KiB the server holds, long
     * before most of it was sent: the server neither reads it to its end nor buffers it (before, it read all 32 MiB
     * for seconds and then answered FRAME_TOO_LARGE).
     */
    @Test
    void aThirtyTwoMebibyteMessageIsClosedWith1009BeforeMostOfItIsSent() throws Exception {
        SignalingClient client = openWithTicket(ticketFor("facilitator"));
        assertThat(client.next().getString("type")).isEqualTo("welcome");
        int part = 64 * 1024;
        int total = 32 * 1024 * 1024;
        String chunk = "x".repeat(part);
        long sent = 0;
        long started = System.nanoTime();
        try {
            while (sent < total && !client.isClosed()) {
                client.sendPart(chunk, sent + part >= total);
                sent += part;
            }
        } catch (java.util.concurrent.CompletionException refused) {
            // the server closed while the client was still sending: what the test is after
        }
        SignalingClient.Closed closed = client.awaitClose();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(closed.code()).isEqualTo(1009);
        assertThat(closed.reason()).isEqualTo("MESSAGE_TOO_BIG");
        assertThat(sent).as("bytes sent before the close arrived (in %d ms)", millis).isLessThan(total / 4);
    }

    @Test
    void aMessageAFewTimesTheProtocolLimitIsAnsweredAndTheSocketStaysOpen() throws Exception {
        SignalingClient client = openWithTicket(ticketFor("facilitator"));
        assertThat(client.next().getString("type")).isEqualTo("welcome");
        String chunk = "y".repeat(64 * 1024);
        client.sendPart(chunk, false);
        client.sendPart(chunk, true);

        assertThat(client.next().getString("code")).isEqualTo("FRAME_TOO_LARGE");
        client.send("{");
        assertThat(client.next().getString("code")).isEqualTo("MALFORMED_MESSAGE");
        assertThat(client.isClosed()).isFalse();
    }

    // ---- logs ----

    @Test
    void signalingLogLinesNameNoTicketAndNoSubject() throws Exception {
        String subject = api.as("facilitator").get("/api/me").json().getString("subject");
        String used = ticketFor("facilitator");
        String refused = ticketFor("facilitator");
        openWithTicket(used).next();
        handshakeStatus(openAsync("https://evil.example", List.of("mend.v1", "mend.ticket." + refused), null));
        assertRefusedAsTicketInvalid(openWithTicket(used));

        Path log = Path.of(System.getProperty("mend.server.dir"), "standalone", "log", "server.log");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("MEND-SIGNALING")).toList();

        assertThat(lines).anyMatch(line -> line.contains("origin not allowed"))
                .anyMatch(line -> line.contains("TICKET_INVALID"))
                .noneMatch(line -> line.contains(used) || line.contains(refused) || line.contains(subject));
    }
}
