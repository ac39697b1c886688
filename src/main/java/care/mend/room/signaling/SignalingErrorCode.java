package care.mend.room.signaling;

import care.mend.room.RoomErrorCode;

/**
 * The stable codes of {@code error} messages on the signaling socket: the one error-code enum of the protocol. A
 * code, once published, keeps its meaning; add new codes rather than reusing old ones. Every {@link RoomErrorCode}
 * has a code of the same name here ({@link #of(RoomErrorCode)}); the others are the socket's own.
 */
public enum SignalingErrorCode {
    // ---- the socket's own ----
    /** The frame is not a JSON object with a string {@code type} (or it is binary). */
    MALFORMED_MESSAGE("A message is a JSON text object with a string member \"type\""),
    /** The message's {@code type} is not one of the protocol's. */
    UNKNOWN_TYPE("This message type is not part of the protocol"),
    /** A member the type requires is missing, has the wrong JSON type, or has a value out of range. */
    INVALID_MESSAGE("A member of this message is missing or not valid"),
    /** The text frame is larger than 64 KiB. Nothing changed; the connection stays open. */
    FRAME_TOO_LARGE("A message is at most 64 KiB"),
    /** Too many messages in too short a time; this one was dropped. Going on closes the connection. */
    RATE_LIMITED("Too many messages; slow down"),
    /** A room command on a connection that has not joined (or has left) a room. */
    NOT_IN_ROOM("Join a room first"),
    /** A join or resume on a connection that is already in a room, or is joining one. */
    ALREADY_IN_ROOM("This connection is already in a room"),
    /** The session id names no group session. */
    SESSION_NOT_FOUND("No such session"),
    /** The session was cancelled: it has no room. */
    SESSION_NOT_JOINABLE("This session cannot be joined"),
    /** The caller may not join this group's room on this day (checked and audited before the room is touched). */
    ACCESS_DENIED("You may not join this room"),
    /**
     * A patient on the roster who has not accepted the current version of every consent text of the session's
     * program (or withdrew, or the program has published none): read them with {@code GET /api/me/consents}, accept,
     * and join again. Checked and audited with the access decision, before the room is touched.
     */
    CONSENT_REQUIRED("Accept your program's current consent texts before joining"),
    /** Something failed on our side; the server log has the details. */
    INTERNAL_ERROR("The server could not handle this message"),

    // ---- the room's refusals, one for one ----
    ROOM_NOT_OPEN(RoomErrorCode.ROOM_NOT_OPEN.message()),
    ROOM_FULL(RoomErrorCode.ROOM_FULL.message()),
    FACILITATORS_FULL(RoomErrorCode.FACILITATORS_FULL.message()),
    NOT_A_MEMBER(RoomErrorCode.NOT_A_MEMBER.message()),
    NOT_A_FACILITATOR(RoomErrorCode.NOT_A_FACILITATOR.message()),
    ROOM_LOCKED(RoomErrorCode.ROOM_LOCKED.message()),
    REMOVED_FROM_SESSION(RoomErrorCode.REMOVED_FROM_SESSION.message()),
    UNKNOWN_PARTICIPANT(RoomErrorCode.UNKNOWN_PARTICIPANT.message()),
    NOT_ALLOWED(RoomErrorCode.NOT_ALLOWED.message()),
    SESSION_ENDED(RoomErrorCode.SESSION_ENDED.message()),
    TOO_EARLY(RoomErrorCode.TOO_EARLY.message()),
    RESUME_TOKEN_INVALID(RoomErrorCode.RESUME_TOKEN_INVALID.message()),
    ALREADY_JOINED(RoomErrorCode.ALREADY_JOINED.message()),
    NOT_PUBLISHING(RoomErrorCode.NOT_PUBLISHING.message()),
    MEDIA_UNAVAILABLE(RoomErrorCode.MEDIA_UNAVAILABLE.message()),
    MEDIA_FAILED(RoomErrorCode.MEDIA_FAILED.message()),
    UNKNOWN_ENDPOINT(RoomErrorCode.UNKNOWN_ENDPOINT.message()),
    LICENSURE_OVERRIDE_REQUIRED(RoomErrorCode.LICENSURE_OVERRIDE_REQUIRED.message());

    private final String message;

    SignalingErrorCode(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /** The code a room refusal goes out with. Exhaustive: a new room code does not compile until it is mapped. */
    public static SignalingErrorCode of(RoomErrorCode code) {
        return switch (code) {
            case ROOM_NOT_OPEN -> ROOM_NOT_OPEN;
            case ROOM_FULL -> ROOM_FULL;
            case FACILITATORS_FULL -> FACILITATORS_FULL;
            case NOT_A_MEMBER -> NOT_A_MEMBER;
            case NOT_A_FACILITATOR -> NOT_A_FACILITATOR;
            case ROOM_LOCKED -> ROOM_LOCKED;
            case REMOVED_FROM_SESSION -> REMOVED_FROM_SESSION;
            case UNKNOWN_PARTICIPANT -> UNKNOWN_PARTICIPANT;
            case NOT_ALLOWED -> NOT_ALLOWED;
            case SESSION_ENDED -> SESSION_ENDED;
            case TOO_EARLY -> TOO_EARLY;
            case RESUME_TOKEN_INVALID -> RESUME_TOKEN_INVALID;
            case ALREADY_JOINED -> ALREADY_JOINED;
            case NOT_PUBLISHING -> NOT_PUBLISHING;
            case MEDIA_UNAVAILABLE -> MEDIA_UNAVAILABLE;
            case MEDIA_FAILED -> MEDIA_FAILED;
            case UNKNOWN_ENDPOINT -> UNKNOWN_ENDPOINT;
            case LICENSURE_OVERRIDE_REQUIRED -> LICENSURE_OVERRIDE_REQUIRED;
        };
    }
}
