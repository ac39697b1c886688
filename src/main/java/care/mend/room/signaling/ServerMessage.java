package care.mend.room.signaling;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * Everything the server sends on the signaling socket. The {@code type} member names the message; the aliases are
 * declared here and nowhere else.
 */
@JsonbTypeInfo(key = "type", value = {
        @JsonbSubtype(alias = "welcome", type = ServerMessage.Welcome.class),
        @JsonbSubtype(alias = "error", type = ServerMessage.ErrorMessage.class),
        @JsonbSubtype(alias = "ok", type = ServerMessage.Ok.class),
        @JsonbSubtype(alias = "joined", type = ServerMessage.Joined.class),
        @JsonbSubtype(alias = "resumed", type = ServerMessage.Resumed.class),
        @JsonbSubtype(alias = "roomUpdated", type = ServerMessage.RoomUpdated.class),
        @JsonbSubtype(alias = "admitted", type = ServerMessage.Admitted.class),
        @JsonbSubtype(alias = "dismissed", type = ServerMessage.Dismissed.class),
        @JsonbSubtype(alias = "muteRequested", type = ServerMessage.MuteRequested.class),
        @JsonbSubtype(alias = "muted", type = ServerMessage.Muted.class),
        @JsonbSubtype(alias = "sdpAnswer", type = ServerMessage.SdpAnswer.class),
        @JsonbSubtype(alias = "iceCandidate", type = ServerMessage.IceCandidate.class)})
public sealed interface ServerMessage {

    /**
     * The first message on an admitted connection. It names the caller's roles, never the subject: the client
     * knows who signed in, and an echo of the subject would only add an identifier to every capture of the socket.
     *
     * @param roles Mend's realm role names, sorted
     */
    record Welcome(List<String> roles) implements ServerMessage {
        public Welcome {
            roles = List.copyOf(roles);
        }
    }

    /**
     * A message was refused; the connection stays open.
     *
     * @param code      stable, for clients to branch on
     * @param message   for people; never echoes the client's input
     * @param requestId the {@code requestId} of the refused message, when it could be read
     */
    @JsonbPropertyOrder({"code", "message", "requestId"})
    record ErrorMessage(SignalingErrorCode code, String message, String requestId) implements ServerMessage {
        public ErrorMessage {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        static ErrorMessage of(SignalingErrorCode code, String requestId) {
            return new ErrorMessage(code, code.message(), requestId);
        }
    }

    /** A request that needs no other answer was done. */
    record Ok(String requestId) implements ServerMessage {
    }

    /**
     * You have a place in the room: seated ({@code PRESENT}) or in the waiting room ({@code WAITING}). Keep the
     * resume token: it brings you back to this place after a dropped connection, once.
     */
    record Joined(String requestId, String participantId, String role, String status, String resumeToken,
                  RoomView room) implements ServerMessage {
    }

    /** You are back in your place; the old resume token is spent and this one replaces it. */
    record Resumed(String requestId, String participantId, String resumeToken, RoomView room)
            implements ServerMessage {
    }

    /** Who is in the room now, as you may see it. */
    record RoomUpdated(RoomView room) implements ServerMessage {
    }

    /** A facilitator let you in from the waiting room. */
    record Admitted() implements ServerMessage {
    }

    /** You are out of the room: {@code LEFT}, {@code DECLINED}, {@code REMOVED}, {@code GRACE_EXPIRED}, ... */
    record Dismissed(String reason) implements ServerMessage {
    }

    /** A facilitator asks you to mute; only you can unmute yourself. */
    record MuteRequested(String by) implements ServerMessage {
    }

    /** Someone muted you. */
    record Muted(String by) implements ServerMessage {
    }

    /** The answer to your publish or subscribe offer, for the endpoint of {@code publisherId}'s stream. */
    record SdpAnswer(String requestId, String publisherId, String sdpAnswer) implements ServerMessage {
    }

    /** A candidate the media server found for one of your endpoints. */
    record IceCandidate(String publisherId, String candidate, String sdpMid, Integer sdpMLineIndex)
            implements ServerMessage {
    }

    /**
     * The room as one participant sees it. Waiting patients are listed to facilitators only; no subject or name
     * crosses the socket here (pages resolve names through the API).
     */
    record RoomView(String sessionId, String status, boolean facilitatorPresent, ParticipantSummary you,
                    List<ParticipantSummary> participants, List<ParticipantSummary> waiting) {

        public RoomView {
            participants = participants == null ? List.of() : List.copyOf(participants);
            waiting = waiting == null ? List.of() : List.copyOf(waiting);
        }

        static RoomView of(care.mend.room.RoomSnapshot snapshot) {
            return new RoomView(snapshot.sessionId().toString(), snapshot.status().name(),
                    snapshot.facilitatorPresent(), snapshot.you() == null ? null
                    : ParticipantSummary.of(snapshot.you()),
                    snapshot.participants().stream().map(ParticipantSummary::of).toList(),
                    snapshot.waiting().stream().map(ParticipantSummary::of).toList());
        }
    }

    /** One participant's state as others see it. */
    record ParticipantSummary(String participantId, String role, String status, boolean reconnecting,
                              boolean muted, boolean handRaised, boolean audioOnly, boolean lowBandwidth,
                              boolean publishing, String modality) {

        static ParticipantSummary of(care.mend.room.ParticipantView view) {
            return new ParticipantSummary(view.id().value(), view.role().name(), view.status().name(),
                    view.reconnecting(), view.muted(), view.handRaised(), view.audioOnly(), view.lowBandwidth(),
                    view.publishing(), view.modality().name());
        }
    }
}
