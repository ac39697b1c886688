package care.mend.room.signaling;

import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Everything a client may send on the signaling socket. The {@code type} member names the message; the aliases are
 * declared here and nowhere else. Every message may carry a {@code requestId}, which the reply echoes. Fields are
 * checked with Bean Validation after decoding; a refused message changes nothing.
 */
@JsonbTypeInfo(key = "type", value = {
        @JsonbSubtype(alias = "join", type = ClientMessage.Join.class),
        @JsonbSubtype(alias = "resume", type = ClientMessage.Resume.class),
        @JsonbSubtype(alias = "leave", type = ClientMessage.Leave.class),
        @JsonbSubtype(alias = "admit", type = ClientMessage.Admit.class),
        @JsonbSubtype(alias = "decline", type = ClientMessage.Decline.class),
        @JsonbSubtype(alias = "remove", type = ClientMessage.Remove.class),
        @JsonbSubtype(alias = "askToMute", type = ClientMessage.AskToMute.class),
        @JsonbSubtype(alias = "muteAll", type = ClientMessage.MuteAll.class),
        @JsonbSubtype(alias = "lock", type = ClientMessage.Lock.class),
        @JsonbSubtype(alias = "unlock", type = ClientMessage.Unlock.class),
        @JsonbSubtype(alias = "endSession", type = ClientMessage.EndSession.class),
        @JsonbSubtype(alias = "mute", type = ClientMessage.Mute.class),
        @JsonbSubtype(alias = "unmute", type = ClientMessage.Unmute.class),
        @JsonbSubtype(alias = "raiseHand", type = ClientMessage.RaiseHand.class),
        @JsonbSubtype(alias = "lowerHand", type = ClientMessage.LowerHand.class),
        @JsonbSubtype(alias = "setAudioOnly", type = ClientMessage.SetAudioOnly.class),
        @JsonbSubtype(alias = "setLowBandwidth", type = ClientMessage.SetLowBandwidth.class),
        @JsonbSubtype(alias = "publish", type = ClientMessage.Publish.class),
        @JsonbSubtype(alias = "subscribe", type = ClientMessage.Subscribe.class),
        @JsonbSubtype(alias = "iceCandidate", type = ClientMessage.IceCandidate.class)})
public sealed interface ClientMessage {

    /** SDP offers are a few kilobytes; the frame limit (64 KiB) bounds them anyway. */
    int SDP_MAX = 60_000;
    int ID_MAX = 64;

    String requestId();

    /** Take a seat (or a place in the waiting room) in the live room of a group session. */
    record Join(@Size(max = ID_MAX) String requestId, @NotNull UUID sessionId,
                @Size(max = 200) String attestedLocation) implements ClientMessage {
    }

    /** Come back to the same seat after a dropped connection, with the resume token given at join. */
    record Resume(@Size(max = ID_MAX) String requestId, @NotNull UUID sessionId,
                  @NotBlank @Size(max = 128) String resumeToken) implements ClientMessage {
    }

    record Leave(@Size(max = ID_MAX) String requestId) implements ClientMessage {
    }

    /** Facilitator: let a waiting patient in. */
    record Admit(@Size(max = ID_MAX) String requestId, @NotBlank @Size(max = ID_MAX) String participantId)
            implements ClientMessage {
    }

    record Decline(@Size(max = ID_MAX) String requestId, @NotBlank @Size(max = ID_MAX) String participantId)
            implements ClientMessage {
    }

    /** Facilitator: remove a patient; {@code bar} keeps them out for the rest of this session. */
    record Remove(@Size(max = ID_MAX) String requestId, @NotBlank @Size(max = ID_MAX) String participantId,
                  boolean bar) implements ClientMessage {
    }

    record AskToMute(@Size(max = ID_MAX) String requestId, @NotBlank @Size(max = ID_MAX) String participantId)
            implements ClientMessage {
    }

    record MuteAll(@Size(max = ID_MAX) String requestId) implements ClientMessage {
    }

    record Lock(@Size(max = ID_MAX) String requestId) implements ClientMessage {
    }

    record Unlock(@Size(max = ID_MAX) String requestId) implements ClientMessage {
    }

    /** Facilitator: end the session; everyone leaves. */
    record EndSession(@Size(max = ID_MAX) String requestId) implements ClientMessage {
    }

    /** Mute someone (yourself, or as a facilitator anyone). */
    record Mute(@Size(max = ID_MAX) String requestId, @NotBlank @Size(max = ID_MAX) String participantId)
            implements ClientMessage {
    }

    /** Unmute: only yourself. */
    record Unmute(@Size(max = ID_MAX) String requestId, @NotBlank @Size(max = ID_MAX) String participantId)
            implements ClientMessage {
    }

    record RaiseHand(@Size(max = ID_MAX) String requestId) implements ClientMessage {
    }

    /** Lower your own hand, or (facilitator) someone else's. */
    record LowerHand(@Size(max = ID_MAX) String requestId, @Size(max = ID_MAX) String participantId)
            implements ClientMessage {
    }

    record SetAudioOnly(@Size(max = ID_MAX) String requestId, @NotNull Boolean enabled) implements ClientMessage {
    }

    record SetLowBandwidth(@Size(max = ID_MAX) String requestId, @NotNull Boolean enabled)
            implements ClientMessage {
    }

    /** Send your own stream: an SDP offer for your publisher endpoint. */
    record Publish(@Size(max = ID_MAX) String requestId, @NotBlank @Size(max = SDP_MAX) String sdpOffer,
                   Boolean audioOnly) implements ClientMessage {
    }

    /** Receive another participant's stream. */
    record Subscribe(@Size(max = ID_MAX) String requestId, @NotBlank @Size(max = ID_MAX) String publisherId,
                     @NotBlank @Size(max = SDP_MAX) String sdpOffer) implements ClientMessage {
    }

    /**
     * A trickled ICE candidate for one of your endpoints: your publisher ({@code publisherId} is you) or your
     * subscription to {@code publisherId}.
     */
    record IceCandidate(@Size(max = ID_MAX) String requestId, @NotBlank @Size(max = ID_MAX) String publisherId,
                        @NotNull @Size(max = 2_000) String candidate, @Size(max = 64) String sdpMid,
                        @Min(0) @Max(64) Integer sdpMLineIndex) implements ClientMessage {
    }
}
