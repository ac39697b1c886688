package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire form of the server's messages, and how a client's frame is read. */
@Timeout(10) // a frame that makes the parser spin must fail the test, not hang the build
class ServerMessageJsonTest {

    @Test
    void welcomeNamesTheRolesAndIceServersNotTheSubject() {
        String json = SignalingJson.encode(new ServerMessage.Welcome(List.of("facilitator"), List.of()));

        assertThat(json).isEqualTo("{\"type\":\"welcome\",\"roles\":[\"facilitator\"],\"iceServers\":[]}");
        assertThat(SignalingJson.decodeServerMessage(json))
                .isEqualTo(new ServerMessage.Welcome(List.of("facilitator"), List.of()));
    }

    @Test
    void errorCarriesAStableCodeAndEchoesTheRequestId() {
        ServerMessage error = ServerMessage.ErrorMessage.of(SignalingErrorCode.UNKNOWN_TYPE, "r-1");

        String json = SignalingJson.encode(error);

        assertThat(json).isEqualTo("{\"type\":\"error\",\"code\":\"UNKNOWN_TYPE\",\"message\":\""
                + SignalingErrorCode.UNKNOWN_TYPE.message() + "\",\"requestId\":\"r-1\"}");
        assertThat(SignalingJson.decodeServerMessage(json)).isEqualTo(error);
    }

    @Test
    void anErrorWithoutRequestIdOmitsIt() {
        assertThat(SignalingJson.encode(ServerMessage.ErrorMessage.of(SignalingErrorCode.MALFORMED_MESSAGE, null)))
                .startsWith("{\"type\":\"error\",\"code\":\"MALFORMED_MESSAGE\"").doesNotContain("requestId");
    }

    @Test
    void readsTheEnvelopeOfAnObjectAndIgnoresOtherMembers() {
        assertThat(SignalingJson.envelope("{\"type\":\"join\",\"requestId\":\"7\",\"roomId\":\"x\"}"))
                .contains(new ClientEnvelope("join", "7"));
        assertThat(SignalingJson.envelope(" {\"type\":\"join\"} ")).contains(new ClientEnvelope("join", null));
        assertThat(SignalingJson.envelope("{\"type\":\"join\",\"requestId\":null}"))
                .contains(new ClientEnvelope("join", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not json", "{", "{\"type\":", "[1,2]", "42", "null", "\"text\"",
            "{\"type\":\"join\"}}}", "{\"type\":\"join\"} x", "{\"type\":[1]}", "{\"requestId\":{}}",
            "{\"type\":42}", "{\"type\":null}", "{\"type\":\"join\",\"requestId\":7}", "{}",
            "{\"type\":\"join\",", "{{", "{\"a\":[", "\u0000"})
    void malformedFramesAreNoEnvelopeAndNeverThrow(String frame) {
        assertThat(SignalingJson.envelope(frame)).isEmpty();
    }

    @Test
    void closeReasonsFitAControlFrame() {
        for (SignalingCloseReason reason : SignalingCloseReason.values()) {
            assertThat(reason.toCloseReason().getReasonPhrase().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThan(123);
            assertThat(reason.toCloseReason().getCloseCode().getCode())
                    .isEqualTo(reason == SignalingCloseReason.MESSAGE_TOO_BIG ? 1009 : 1008);
        }
    }
}
