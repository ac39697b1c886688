package care.mend.room.signaling;

/**
 * The stable codes of {@code error} messages on the signaling socket. A code, once published, keeps its meaning;
 * add new codes rather than reusing old ones.
 */
public enum SignalingErrorCode {
    /** The frame is not a JSON object with a string {@code type} (or it is binary). */
    MALFORMED_MESSAGE("A message is a JSON text object with a string member \"type\""),
    /** The message is well formed but its type is not handled (yet): room messages arrive with the room protocol. */
    FRAME_TOO_LARGE("A message may be at most 64 KiB"),
    UNKNOWN_TYPE("No message has this type"),
    INVALID_FIELD("A field is missing, of the wrong type or out of range"),
    RATE_LIMITED("Too many messages; slow down or the connection is closed"),
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
