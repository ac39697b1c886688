package care.mend.room;

/**
 * Why the room refused a command. The names are stable: signaling sends them to clients as they are, and clients
 * branch on them. Add codes rather than change the meaning of one. A refused command changes nothing.
 */
public enum RoomErrorCode {
    /** No live room for that session (nobody has joined yet, or the command names a room that is gone). */
    ROOM_NOT_OPEN("There is no live room for this session"),
    /** Admission would seat a 13th patient. The patient stays in the waiting room. */
    ROOM_FULL("All patient seats are taken"),
    /** A third facilitator tried to join. */
    FACILITATORS_FULL("All facilitator seats are taken"),
    /** The caller is neither a facilitator nor an allowed patient of the group. */
    NOT_A_MEMBER("You are not a member of this group"),
    /** A facilitator control from a participant who is not a facilitator. */
    NOT_A_FACILITATOR("Only a facilitator can do this"),
    /** The room is locked: no new joins. */
    ROOM_LOCKED("The room is locked"),
    /** The caller was removed from this session and may not come back to it. */
    REMOVED_FROM_SESSION("You were removed from this session"),
    /** The participant id names nobody in this room. */
    UNKNOWN_PARTICIPANT("No such participant in this room"),
    /** The participant may not do this, to this target, in this state (for example, unmute someone else). */
    NOT_ALLOWED("That is not allowed"),
    /** The session has ended; its room is closed for good. */
    SESSION_ENDED("The session has ended"),
    /** The room opens a configurable time before the scheduled start; it is earlier than that. */
    TOO_EARLY("The room is not open yet"),
    /** The resume token is unknown, already used, expired, or belongs to someone else. */
    RESUME_TOKEN_INVALID("The resume token is not valid"),
    /**
     * Not sent any more: a second join of the same person takes the seat over (the old connection is closed with
     * {@code RESUMED_ELSEWHERE}). Kept so that the code never changes meaning.
     */
    ALREADY_JOINED("You are already in this room"),
    /** A subscription to a participant who is not publishing a stream (yet). */
    NOT_PUBLISHING("That participant is not publishing"),
    /** No media server is configured: audio and video cannot start in this room, whatever the client does. */
    MEDIA_UNAVAILABLE("Audio and video are unavailable right now"),
    /** The media server failed, refused the offer or cannot be reached right now: the client tries again later. */
    MEDIA_FAILED("Audio and video could not start just now; trying again"),
    /**
     * Admitting a patient flagged outside licensure (their stated place is outside every licensed state of the
     * session's facilitators) needs an override reason ("admit anyway"). The patient stays waiting.
     */
    LICENSURE_OVERRIDE_REQUIRED("This patient is outside your licensed states: admitting them needs a reason"),
    /** ICE candidates for an endpoint the participant has not offered (or whose negotiation failed). */
    UNKNOWN_ENDPOINT("No such media endpoint of yours");

    private final String message;

    RoomErrorCode(String message) {
        this.message = message;
    }

    /** A sentence for people; clients branch on the code, never on this text. */
    public String message() {
        return message;
    }
}
