package care.mend.room.signaling;

/**
 * The stable codes of {@code error} messages on the signaling socket. A code, once published, keeps its meaning;
 * add new codes rather than reusing old ones.
 */
public enum SignalingErrorCode {
    /** The frame is not a JSON object with a string {@code type} (or it is binary). */
    MALFORMED_MESSAGE("A message is a JSON text object with a string member \"type\""),
    /** The message is well formed but its type is not handled (yet): room messages arrive with the room protocol. */
    NOT_IMPLEMENTED("This message type is not supported by this server"),
    /** Something failed on our side; the server log has the details. */
    INTERNAL_ERROR("The server could not handle this message");

    private final String message;

    SignalingErrorCode(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
