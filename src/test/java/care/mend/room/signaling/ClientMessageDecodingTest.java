package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.room.RoomErrorCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A client's frame is a message or a refusal with a stable code; decoding never throws. */
@Timeout(10)
class ClientMessageDecodingTest {

    private static SignalingJson.Decoded.Refused refused(String frame) {
        SignalingJson.Decoded decoded = SignalingJson.decodeClientMessage(frame);
        assertThat(decoded).isInstanceOf(SignalingJson.Decoded.Refused.class);
        return (SignalingJson.Decoded.Refused) decoded;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{", "[1]", "{\"type\":42}", "{\"type\":\"join\"} x",
            "{\"type\":\"raiseHand\",\"requestId\":7}", "\u0000"})
    void malformedFramesAreMalformed(String frame) {
        assertThat(refused(frame).code()).isEqualTo(SignalingErrorCode.MALFORMED_MESSAGE);
    }

    @Test
    void deeplyNestedJsonIsMalformedNotAnError() {
        String deep = "{\"type\":\"raiseHand\",\"x\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}";
        String deepObject = "{\"type\":\"raiseHand\",\"x\":" + "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000) + "}";
        assertThat(refused(deep).code()).isIn(SignalingErrorCode.MALFORMED_MESSAGE, SignalingErrorCode.INVALID_MESSAGE);
        assertThat(refused(deepObject).code()).isIn(SignalingErrorCode.MALFORMED_MESSAGE,
                SignalingErrorCode.INVALID_MESSAGE);
    }

    @Test
    void anUnknownTypeIsRefusedWithTheRequestId() {
        assertThat(refused("{\"type\":\"dance\",\"requestId\":\"r-1\"}"))
                .isEqualTo(new SignalingJson.Decoded.Refused(SignalingErrorCode.UNKNOWN_TYPE, "r-1"));
        // The alias is case-sensitive, and "type" of the wrong direction is unknown too.
        assertThat(refused("{\"type\":\"Join\"}").code()).isEqualTo(SignalingErrorCode.UNKNOWN_TYPE);
        assertThat(refused("{\"type\":\"welcome\"}").code()).isEqualTo(SignalingErrorCode.UNKNOWN_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"join\",\"requestId\":\"r\"}",
            "{\"type\":\"join\",\"requestId\":\"r\",\"sessionId\":\"not-a-uuid\"}",
            "{\"type\":\"join\",\"requestId\":\"r\",\"sessionId\":42}",
            "{\"type\":\"join\",\"requestId\":\"r\",\"sessionId\":\"8d7a1c2e-0001-4a6b-9c3d-000000000001\",\"attestedLocation\":\"  \"}",
            "{\"type\":\"join\",\"requestId\":\"r\",\"sessionId\":\"8d7a1c2e-0001-4a6b-9c3d-000000000001\",\"attestedLocation\":\"home\\nsecond line\"}",
            "{\"type\":\"join\",\"requestId\":\"r\",\"sessionId\":\"8d7a1c2e-0001-4a6b-9c3d-000000000001\",\"attestedLocation\":42}",
            "{\"type\":\"admit\",\"requestId\":\"r\",\"participantId\":42}",
            "{\"type\":\"admit\",\"requestId\":\"r\",\"participantId\":\"\"}",
            "{\"type\":\"admit\",\"requestId\":\"r\"}",
            "{\"type\":\"remove\",\"requestId\":\"r\",\"participantId\":\"p\"}",
            "{\"type\":\"remove\",\"requestId\":\"r\",\"participantId\":\"p\",\"bar\":\"yes\"}",
            "{\"type\":\"setAudioOnly\",\"requestId\":\"r\",\"enabled\":1}",
            "{\"type\":\"setAudioOnly\",\"requestId\":\"r\"}",
            "{\"type\":\"publish\",\"requestId\":\"r\",\"sdpOffer\":\" \"}",
            "{\"type\":\"publish\",\"requestId\":\"r\",\"sdpOffer\":{}}",
            "{\"type\":\"iceCandidate\",\"requestId\":\"r\",\"endpoint\":\"publisher\",\"candidate\":\"c\",\"sdpMLineIndex\":0}",
            "{\"type\":\"iceCandidate\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"other\"},\"candidate\":\"c\",\"sdpMLineIndex\":0}",
            "{\"type\":\"iceCandidate\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"subscriber\"},\"candidate\":\"c\",\"sdpMLineIndex\":0}",
            "{\"type\":\"iceCandidate\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"},\"candidate\":\"c\",\"sdpMLineIndex\":1.5}",
            "{\"type\":\"iceCandidate\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"},\"candidate\":\"c\",\"sdpMLineIndex\":-1}",
            "{\"type\":\"iceCandidate\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"},\"candidate\":\"c\",\"sdpMLineIndex\":99999999999}"})
    void missingWrongTypedOrInvalidMembersAreInvalidAndKeepTheRequestId(String frame) {
        assertThat(refused(frame)).isEqualTo(new SignalingJson.Decoded.Refused(SignalingErrorCode.INVALID_MESSAGE, "r"));
    }

    private static final String CANDIDATE = "{\"candidate\":\"candidate:1 1 udp 1 192.0.2.1 9 typ host\",\"sdpMid\":\"0\","
            + "\"sdpMLineIndex\":0}";

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"iceCandidates\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"},\"candidates\":[]}",
            "{\"type\":\"iceCandidates\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"}}",
            "{\"type\":\"iceCandidates\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"},\"candidates\":{}}",
            "{\"type\":\"iceCandidates\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"},\"candidates\":[null]}",
            "{\"type\":\"iceCandidates\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"},\"candidates\":[\"x\"]}",
            "{\"type\":\"iceCandidates\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"},\"candidates\":"
                    + "[{\"candidate\":7,\"sdpMLineIndex\":0}]}",
            "{\"type\":\"iceCandidates\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"},\"candidates\":"
                    + "[{\"candidate\":\"\",\"sdpMLineIndex\":64}]}",
            "{\"type\":\"iceCandidate\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"publisher\"},\"candidate\":\"\","
                    + "\"sdpMLineIndex\":0,\"sdpMid\":\"012345678901234567890123456789012\"}"})
    void badCandidateBatchesAreInvalid(String frame) {
        assertThat(refused(frame)).isEqualTo(new SignalingJson.Decoded.Refused(SignalingErrorCode.INVALID_MESSAGE, "r"));
    }

    @Test
    void aBatchHoldsAtMost32Candidates() {
        String frame = "{\"type\":\"iceCandidates\",\"requestId\":\"r\",\"endpoint\":{\"kind\":\"grid\"},\"candidates\":[";
        assertThat(SignalingJson.decodeClientMessage(frame + String.join(",", java.util.Collections.nCopies(32, CANDIDATE))
                + "]}")).isInstanceOf(SignalingJson.Decoded.Message.class);
        assertThat(refused(frame + String.join(",", java.util.Collections.nCopies(33, CANDIDATE)) + "]}").code())
                .isEqualTo(SignalingErrorCode.INVALID_MESSAGE);
    }

    @Test
    void aTooLongRequestIdIsInvalid() {
        assertThat(refused("{\"type\":\"lock\",\"requestId\":\"" + "x".repeat(65) + "\"}").code())
                .isEqualTo(SignalingErrorCode.INVALID_MESSAGE);
    }

    @Test
    void unknownMembersAreIgnoredAndTypeMayComeLast() {
        assertThat(SignalingJson.decodeClientMessage("{\"extra\":[1,2],\"requestId\":\"r\",\"type\":\"raiseHand\"}"))
                .isEqualTo(new SignalingJson.Decoded.Message(new ClientMessage.RaiseHand("r")));
        assertThat(SignalingJson.decodeClientMessage("{\"type\":\"lowerHand\"}"))
                .isEqualTo(new SignalingJson.Decoded.Message(new ClientMessage.LowerHand(null, null)));
    }

    @Test
    void everyRoomCodeHasASignalingCodeOfTheSameName() {
        for (RoomErrorCode code : RoomErrorCode.values()) {
            assertThat(SignalingErrorCode.of(code).name()).isEqualTo(code.name());
            assertThat(SignalingErrorCode.of(code).message()).isEqualTo(code.message());
        }
        assertThat(Arrays.stream(SignalingErrorCode.values()).map(Enum::name).distinct().count())
                .isEqualTo(SignalingErrorCode.values().length);
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(new ClientMessage.Resume("r", GoldenMessagesTest.SESSION, "secret-token").toString())
                .doesNotContain("secret-token");
        assertThat(new ClientMessage.Publish("r", "v=0 192.0.2.1", null).toString()).doesNotContain("192.0.2.1");
    }

    @Test
    void anAttestedLocationIsKeptTrimmedAndMayBeLeftOut() {
        SignalingJson.Decoded decoded = SignalingJson.decodeClientMessage("{\"type\":\"join\",\"sessionId\":"
                + "\"8d7a1c2e-0001-4a6b-9c3d-000000000001\",\"attestedLocation\":\"  Home, Coles County \"}");
        assertThat(decoded).isInstanceOfSatisfying(SignalingJson.Decoded.Message.class, m -> assertThat(
                ((ClientMessage.Join) m.message()).attestedLocation()).isEqualTo("Home, Coles County"));
        SignalingJson.Decoded without = SignalingJson.decodeClientMessage("{\"type\":\"join\",\"sessionId\":"
                + "\"8d7a1c2e-0001-4a6b-9c3d-000000000001\"}");
        assertThat(without).isInstanceOfSatisfying(SignalingJson.Decoded.Message.class, m -> assertThat(
                ((ClientMessage.Join) m.message()).attestedLocation()).isNull());
        assertThat(refused("{\"type\":\"join\",\"requestId\":\"r\",\"sessionId\":"
                + "\"8d7a1c2e-0001-4a6b-9c3d-000000000001\",\"attestedLocation\":\"" + "x".repeat(201) + "\"}").code())
                .isEqualTo(SignalingErrorCode.INVALID_MESSAGE);
    }
}
