package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ClientMessageCodecTest {

    private final ClientMessageCodec codec =
            new ClientMessageCodec(Validation.buildDefaultValidatorFactory().getValidator());

    private ClientMessageCodec.Decoded.Refused refused(String frame) {
        ClientMessageCodec.Decoded decoded = codec.decode(frame);
        assertThat(decoded).as(frame.length() > 80 ? frame.substring(0, 80) : frame)
                .isInstanceOf(ClientMessageCodec.Decoded.Refused.class);
        return (ClientMessageCodec.Decoded.Refused) decoded;
    }

    @Test
    void aValidJoinIsRead() {
        UUID session = UUID.randomUUID();
        ClientMessageCodec.Decoded decoded = codec.decode(
                "{\"type\":\"join\",\"requestId\":\"r1\",\"sessionId\":\"" + session + "\"}");

        assertThat(decoded).isEqualTo(new ClientMessageCodec.Decoded.Message(
                new ClientMessage.Join("r1", session, null)));
    }

    @Test
    void aFrameOver64KiBIsRefused() {
        String big = "{\"type\":\"publish\",\"sdpOffer\":\"" + "a".repeat(70_000) + "\"}";

        assertThat(refused(big).code()).isEqualTo(SignalingErrorCode.FRAME_TOO_LARGE);
        // Under the frame limit but over the SDP limit: a field error.
        assertThat(refused("{\"type\":\"publish\",\"sdpOffer\":\"" + "a".repeat(61_000) + "\"}").code())
                .isEqualTo(SignalingErrorCode.INVALID_FIELD);
    }

    @Test
    void malformedFramesAreRefused() {
        for (String frame : new String[] {"{", "[]", "\"join\"", "{\"type\":42}", "{\"type\":\"join\"} trailing",
                "{\"requestId\":\"r1\"}", "{\"type\":\"leave\",\"requestId\":7}"}) {
            assertThat(refused(frame).code()).as(frame).isEqualTo(SignalingErrorCode.MALFORMED_MESSAGE);
        }
    }

    @Test
    void anUnknownTypeIsRefusedAndTheRequestIdEchoed() {
        ClientMessageCodec.Decoded.Refused refused = refused("{\"type\":\"dance\",\"requestId\":\"r9\"}");

        assertThat(refused.code()).isEqualTo(SignalingErrorCode.UNKNOWN_TYPE);
        assertThat(refused.requestId()).isEqualTo("r9");
    }

    @Test
    void missingWrongTypedAndOutOfRangeFieldsAreNamed() {
        ClientMessageCodec.Decoded.Refused missing = refused("{\"type\":\"join\",\"requestId\":\"r1\"}");
        assertThat(missing.code()).isEqualTo(SignalingErrorCode.INVALID_FIELD);
        assertThat(missing.detail()).contains("sessionId");
        assertThat(missing.requestId()).isEqualTo("r1");

        assertThat(refused("{\"type\":\"join\",\"sessionId\":\"not-a-uuid\"}").code())
                .isEqualTo(SignalingErrorCode.INVALID_FIELD);
        assertThat(refused("{\"type\":\"setAudioOnly\",\"enabled\":\"yes\"}").detail()).contains("enabled");
        assertThat(refused("{\"type\":\"admit\",\"participantId\":42}").detail()).contains("participantId");
        assertThat(refused("{\"type\":\"iceCandidate\",\"publisherId\":\"p\",\"candidate\":\"c\","
                + "\"sdpMLineIndex\":1.5}").detail()).contains("sdpMLineIndex");
        assertThat(refused("{\"type\":\"admit\",\"participantId\":\" \"}").detail()).contains("participantId");
        assertThat(refused("{\"type\":\"iceCandidate\",\"publisherId\":\"p\",\"candidate\":\"c\","
                + "\"sdpMLineIndex\":-1}").detail()).contains("sdpMLineIndex");
    }

    @Property(tries = 500)
    void noFrameMakesTheCodecThrow(@ForAll String frame) {
        assertThat(codec.decode(frame)).isNotNull();
        assertThat(codec.decode("{\"type\":\"join\",\"sessionId\":" + frame + "}")).isNotNull();
    }
}
