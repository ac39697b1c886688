package care.mend.attendance;

/**
 * Where a patient is while the session runs, from the walk through their presence events up to now. Only on live
 * sheet lines: once the session has ended the line has a status instead (ABSENT and PARTIAL are final words).
 */
public enum LiveState {
    /** Never admitted yet: not absent, the session is still on. */
    NOT_ARRIVED,
    /** In the room now; {@code since} is when this stay began (the last admission or resume). */
    IN_ROOM,
    /** The connection dropped and the seat is held; {@code since} is the drop. */
    RECONNECTING,
    /** Was in the room and left (or dropped for good); {@code since} is when. They may still come back. */
    LEFT
}
