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
        @JsonbSubtype(alias = "error", type = ServerMessage.ErrorMessage.class)})
public sealed interface ServerMessage permits ServerMessage.Welcome, ServerMessage.ErrorMessage {

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
}
