package care.mend.room.signaling;

import care.mend.media.ice.IceServer;
import care.mend.room.LeaveReason;
import care.mend.room.ParticipantStatus;
import care.mend.room.RoomRole;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * Everything the server sends on the signaling socket. The {@code type} member names the message; the aliases are
 * declared here and nowhere else. Replies to a request echo its {@code requestId} (absent when the request had
 * none); events the room sends on its own ({@code roomUpdated}, {@code admitted}, ...) carry none.
 */
@JsonbTypeInfo(key = "type", value = {
        @JsonbSubtype(alias = "welcome", type = ServerMessage.Welcome.class),
        @JsonbSubtype(alias = "joined", type = ServerMessage.Joined.class),
        @JsonbSubtype(alias = "resumed", type = ServerMessage.Resumed.class),
        @JsonbSubtype(alias = "roomUpdated", type = ServerMessage.RoomUpdated.class),
        @JsonbSubtype(alias = "admitted", type = ServerMessage.Admitted.class),
        @JsonbSubtype(alias = "dismissed", type = ServerMessage.Dismissed.class),
        @JsonbSubtype(alias = "muteRequested", type = ServerMessage.MuteRequested.class),
        @JsonbSubtype(alias = "muted", type = ServerMessage.Muted.class),
        @JsonbSubtype(alias = "sdpAnswer", type = ServerMessage.SdpAnswer.class),
        @JsonbSubtype(alias = "iceCandidate", type = ServerMessage.IceCandidate.class),
        @JsonbSubtype(alias = "mediaInterrupted", type = ServerMessage.MediaInterrupted.class),
        @JsonbSubtype(alias = "renegotiate", type = ServerMessage.Renegotiate.class),
        @JsonbSubtype(alias = "ok", type = ServerMessage.Ok.class),
        @JsonbSubtype(alias = "error", type = ServerMessage.ErrorMessage.class)})
public sealed interface ServerMessage {

    /**
     * The first message on an admitted connection. It names the caller's roles, never the subject: the client
     * knows who signed in, and an echo of the subject would only add an identifier to every capture of the socket.
     * It carries the ICE servers for the client's peer connections, TURN with credentials of this connection's own
     * that expire ({@code mend.ice.turn-ttl}); {@link #toString()} leaves them out.
     *
     * @param roles      Mend's realm role names, sorted
     * @param iceServers what goes into {@code RTCConfiguration.iceServers}, as it is; may be empty
     */
    @JsonbPropertyOrder({"roles", "iceServers"})
    record Welcome(List<String> roles, List<IceServer> iceServers) implements ServerMessage {
        public Welcome {
            roles = List.copyOf(roles);
            iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
        }

        @Override
        public String toString() {
            return "Welcome[roles=" + roles + ", " + iceServers.size() + " ICE servers]";
        }
    }

    /**
     * The reply to {@code join}: the caller is in the room (a patient usually waiting), with the secret to resume
     * with after a dropped connection.
     */
    @JsonbPropertyOrder({"requestId", "participantId", "role", "status", "resumeToken", "room"})
    record Joined(String requestId, String participantId, RoomRole role, ParticipantStatus status,
            String resumeToken, RoomView room) implements ServerMessage {
        public Joined {
            Objects.requireNonNull(participantId, "participantId");
            Objects.requireNonNull(resumeToken, "resumeToken");
            Objects.requireNonNull(room, "room");
        }

        @Override
        public String toString() {
            return "Joined[requestId=" + requestId + ", role=" + role + ", status=" + status + "]";
        }
    }

    /** The reply to {@code resume}: the same participant as before, and a new resume token (the old one is dead). */
    @JsonbPropertyOrder({"requestId", "participantId", "role", "status", "resumeToken", "room"})
    record Resumed(String requestId, String participantId, RoomRole role, ParticipantStatus status,
            String resumeToken, RoomView room) implements ServerMessage {
        public Resumed {
            Objects.requireNonNull(participantId, "participantId");
            Objects.requireNonNull(resumeToken, "resumeToken");
            Objects.requireNonNull(room, "room");
        }

        @Override
        public String toString() {
            return "Resumed[requestId=" + requestId + ", role=" + role + ", status=" + status + "]";
        }
    }

    /** The room as the recipient may see it changed. */
    record RoomUpdated(RoomView room) implements ServerMessage {
        public RoomUpdated {
            Objects.requireNonNull(room, "room");
        }
    }

    /**
     * A facilitator (or the room, with automatic admission) admitted the recipient from the waiting room; {@code room}
     * is the room as the recipient now sees it, so that the client publishes and subscribes at once.
     */
    record Admitted(RoomView room) implements ServerMessage {
        public Admitted {
            Objects.requireNonNull(room, "room");
        }
    }

    /** The recipient is out of the room; the connection stays open and may join again (unless barred). */
    record Dismissed(LeaveReason reason) implements ServerMessage {
        public Dismissed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A facilitator asks the recipient to mute; nothing changed. */
    record MuteRequested(String by) implements ServerMessage {
    }

    /** A facilitator muted the recipient: the client mutes its microphone; only the recipient can unmute. */
    record Muted(String by) implements ServerMessage {
    }

    /** The media server's answer to the offer of {@code publish} or {@code subscribe}. */
    @JsonbPropertyOrder({"requestId", "endpoint", "sdp"})
    record SdpAnswer(String requestId, EndpointName endpoint, String sdp) implements ServerMessage {
        public SdpAnswer {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(sdp, "sdp");
        }

        @Override
        public String toString() {
            return "SdpAnswer[requestId=" + requestId + ", endpoint=" + endpoint + ", " + sdp.length() + " chars]";
        }
    }

    /** A candidate the media server gathered for one of the recipient's endpoints. */
    @JsonbPropertyOrder({"endpoint", "candidate", "sdpMid", "sdpMLineIndex"})
    record IceCandidate(EndpointName endpoint, String candidate, String sdpMid, int sdpMLineIndex)
            implements ServerMessage {
        public IceCandidate {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(candidate, "candidate");
        }

        @Override
        public String toString() {
            return "IceCandidate[endpoint=" + endpoint + "]";
        }
    }

    /**
     * The media server was lost: audio and video stopped for everyone in the room. The room, seats and attendance go
     * on; the client keeps its socket and waits for {@code renegotiate}.
     */
    record MediaInterrupted() implements ServerMessage {
    }

    /**
     * Media is available again (the media server came back, or another took over): every endpoint is new. The client
     * closes its peer connections and sends {@code publish} and {@code subscribe} again with fresh offers.
     */
    record Renegotiate() implements ServerMessage {
    }

    /** A request that has no other reply was carried out. */
    record Ok(String requestId) implements ServerMessage {
    }

    /**
     * A message was refused; nothing changed and the connection stays open.
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
}
