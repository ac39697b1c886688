package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.MediaModality;
import care.mend.media.ice.IceServer;
import care.mend.room.LeaveReason;
import care.mend.room.ParticipantStatus;
import care.mend.room.RoomRole;
import care.mend.room.RoomStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire form of every message, pinned by golden files under {@code src/test/resources/signaling/golden}: one
 * file per type alias and direction. Every permitted subtype has one; each decodes to the expected record and
 * encodes back to the same JSON (compared as parsed JSON, so member order and spacing do not matter).
 */
class GoldenMessagesTest {

    static final UUID SESSION = UUID.fromString("7b6f3c2e-1a2b-4c3d-8e9f-0a1b2c3d4e5f");
    static final String P1 = "0f8c6b7a-5d4e-4f3a-9b2c-1d0e9f8a7b6c";
    static final String P2 = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    static final UUID PATIENT_RECORD = UUID.fromString("5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6");
    static final String TOKEN = "T3Jr0m0Vb3cF4nUe8nJQ1yq6pWm3P7oTQ9d2s0hZk1A";
    static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    static final Map<String, ClientMessage> CLIENT = new HashMap<>();
    static final Map<String, ServerMessage> SERVER = new HashMap<>();

    static {
        CLIENT.put("join", new ClientMessage.Join("r-1", SESSION, "home", "US-IL"));
        CLIENT.put("resume", new ClientMessage.Resume("r-2", SESSION, TOKEN));
        CLIENT.put("leave", new ClientMessage.Leave("r-3"));
        CLIENT.put("ping", new ClientMessage.Ping("r-23"));
        CLIENT.put("admit", new ClientMessage.Admit("r-4", P2, "Visiting family out of state; in crisis, kept in session"));
        CLIENT.put("decline", new ClientMessage.Decline("r-5", P2));
        CLIENT.put("remove", new ClientMessage.Remove("r-6", P2, true));
        CLIENT.put("askToMute", new ClientMessage.AskToMute("r-7", P2));
        CLIENT.put("muteAll", new ClientMessage.MuteAll("r-8"));
        CLIENT.put("lock", new ClientMessage.Lock("r-9"));
        CLIENT.put("unlock", new ClientMessage.Unlock("r-10"));
        CLIENT.put("endSession", new ClientMessage.EndSession("r-11"));
        CLIENT.put("mute", new ClientMessage.Mute("r-12", P2));
        CLIENT.put("unmute", new ClientMessage.Unmute("r-13", P1));
        CLIENT.put("raiseHand", new ClientMessage.RaiseHand("r-14"));
        CLIENT.put("lowerHand", new ClientMessage.LowerHand("r-15", P2));
        CLIENT.put("setAudioOnly", new ClientMessage.SetAudioOnly("r-16", true));
        CLIENT.put("setLowBandwidth", new ClientMessage.SetLowBandwidth("r-17", false));
        CLIENT.put("publish", new ClientMessage.Publish("r-18", OFFER, false));
        CLIENT.put("subscribe", new ClientMessage.Subscribe("r-19", P2,
                "v=0\r\no=- 4611731400430051337 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"));
        CLIENT.put("subscribeGrid", new ClientMessage.SubscribeGrid("r-21",
                "v=0\r\no=- 4611731400430051338 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"));
        CLIENT.put("iceCandidate", new ClientMessage.IceCandidate("r-20", EndpointName.subscriberOf(P2),
                "candidate:842163049 1 udp 1677729535 192.0.2.10 46154 typ srflx raddr 0.0.0.0 rport 0 generation 0",
                "0", 0));
        CLIENT.put("iceCandidates", new ClientMessage.IceCandidates("r-22", EndpointName.publisher(), List.of(
                new ClientMessage.Candidate("candidate:1467250027 1 udp 2122260223 192.0.2.10 46243 typ host "
                        + "generation 0 ufrag uX3q network-id 1", "0", 0),
                new ClientMessage.Candidate("candidate:842163049 1 udp 1677729535 198.51.100.7 46154 typ srflx "
                        + "raddr 192.0.2.10 rport 46243 generation 0 ufrag uX3q network-id 1", "0", 0),
                new ClientMessage.Candidate("", "0", 0))));

        RoomView.Participant facilitator = participant(P1, "Dana Reyes", RoomRole.FACILITATOR, null, null,
                ParticipantStatus.PRESENT, false);
        // The facilitator's view of a waiting patient carries the record (and the licensure flag, here set); a
        // patient's view of anyone does not.
        RoomView.Participant waiting = flagged(participant(P2, "Ana", RoomRole.PATIENT, "Ana Alvarez (test)",
                PATIENT_RECORD, ParticipantStatus.WAITING, false));
        RoomView.Participant handUp = participant(P2, "Ana", RoomRole.PATIENT, null, null, ParticipantStatus.PRESENT,
                true);
        RoomView room = new RoomView(SESSION, RoomStatus.OPEN, true, facilitator, List.of(facilitator),
                List.of(waiting));
        RoomView patientRoom = new RoomView(SESSION, RoomStatus.OPEN, true, handUp, List.of(facilitator, handUp),
                List.of());
        SERVER.put("welcome", new ServerMessage.Welcome(List.of("facilitator"), List.of(
                new IceServer(List.of("stun:stun.example.org:3478"), null, null),
                new IceServer(List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"),
                        "1795435200:3f0c8a52-5b1e-4c4e-9a57-2f4f4b7f1d10", "2ZpRdiQYh0oBCwqGRHMHJOpDAFo="))));
        SERVER.put("joined", new ServerMessage.Joined("r-1", P1, RoomRole.FACILITATOR, ParticipantStatus.PRESENT,
                TOKEN, room));
        SERVER.put("resumed", new ServerMessage.Resumed("r-2", P2, RoomRole.PATIENT, ParticipantStatus.PRESENT,
                "x8Qm1c0Vb3cF4nUe8nJQ1yq6pWm3P7oTQ9d2s0hZk9B", patientRoom));
        SERVER.put("roomUpdated", new ServerMessage.RoomUpdated(room));
        SERVER.put("admitted", new ServerMessage.Admitted(patientRoom));
        SERVER.put("dismissed", new ServerMessage.Dismissed(LeaveReason.SESSION_ENDED));
        SERVER.put("muteRequested", new ServerMessage.MuteRequested(P1));
        SERVER.put("muted", new ServerMessage.Muted(P1));
        SERVER.put("sdpAnswer", new ServerMessage.SdpAnswer("r-18", EndpointName.publisher(),
                "v=0\r\no=- 3883943731 1 IN IP4 203.0.113.5\r\ns=Kurento Media Server\r\nt=0 0\r\n"));
        SERVER.put("iceCandidate", new ServerMessage.IceCandidate(EndpointName.subscriberOf(P2),
                "candidate:1 1 UDP 2013266431 203.0.113.5 38119 typ host", "0", 0));
        SERVER.put("mediaInterrupted", new ServerMessage.MediaInterrupted());
        SERVER.put("renegotiate", new ServerMessage.Renegotiate());
        SERVER.put("ok", new ServerMessage.Ok("r-14"));
        SERVER.put("error", ServerMessage.ErrorMessage.of(SignalingErrorCode.ROOM_FULL, "r-4"));
    }

    private static RoomView.Participant flagged(RoomView.Participant p) {
        return new RoomView.Participant(p.participantId(), p.name(), p.role(), p.recordName(), p.patientId(),
                p.status(), p.reconnecting(), p.muted(), p.handRaised(), p.audioOnly(), p.lowBandwidth(),
                p.publishing(), p.modality(), true);
    }

    private static RoomView.Participant participant(String id, String name, RoomRole role, String recordName,
            UUID patientId, ParticipantStatus status, boolean hand) {
        return new RoomView.Participant(id, name, role, recordName, patientId, status, false, false, hand, false,
                false, false, MediaModality.NONE, null);
    }

    @Test
    void everyPermittedSubtypeHasAnAliasAGoldenFileAndAnExpectedValue() {
        check(ClientMessage.class, SignalingJson.CLIENT_TYPES, "client", CLIENT.keySet());
        check(ServerMessage.class, SignalingJson.SERVER_TYPES, "server", SERVER.keySet());
    }

    private static void check(Class<?> sealed, Map<String, Class<?>> aliases, String direction,
            java.util.Set<String> expected) {
        List<Class<?>> permitted = Arrays.asList(sealed.getPermittedSubclasses());
        assertThat(aliases.values()).as("every %s subtype has one alias", sealed.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(permitted);
        for (Map.Entry<String, Class<?>> alias : aliases.entrySet()) {
            assertThat(SignalingJson.class.getResource("/signaling/golden/" + direction + "/" + alias.getKey()
                    + ".json")).as("golden file for %s %s", direction, alias.getKey()).isNotNull();
        }
        assertThat(expected).containsExactlyInAnyOrderElementsOf(aliases.keySet());
    }

    static Stream<String> clientAliases() {
        return CLIENT.keySet().stream().sorted();
    }

    static Stream<String> serverAliases() {
        return SERVER.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("clientAliases")
    void clientMessagesRoundTrip(String alias) throws IOException {
        String golden = golden("client", alias);

        SignalingJson.Decoded decoded = SignalingJson.decodeClientMessage(golden);

        assertThat(decoded).isEqualTo(new SignalingJson.Decoded.Message(CLIENT.get(alias)));
        assertThat(parse(SignalingJson.encode(CLIENT.get(alias)))).isEqualTo(parse(golden));
    }

    @ParameterizedTest
    @MethodSource("serverAliases")
    void serverMessagesRoundTrip(String alias) throws IOException {
        String golden = golden("server", alias);

        assertThat(SignalingJson.decodeServerMessage(golden)).isEqualTo(SERVER.get(alias));
        assertThat(parse(SignalingJson.encode(SERVER.get(alias)))).isEqualTo(parse(golden));
    }

    static String golden(String direction, String alias) throws IOException {
        try (InputStream in = GoldenMessagesTest.class.getResourceAsStream(
                "/signaling/golden/" + direction + "/" + alias + ".json")) {
            assertThat(in).as("golden %s/%s", direction, alias).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
