package care.mend.room;

/** What happened to a participant's presence, for the attendance ledger. */
public enum PresenceKind {
    /** Took a seat: a patient admitted, or a facilitator who joined. */
    ADMITTED,
    /** Gave up the seat: left, removed, or the grace period ran out. */
    LEFT,
    /** The connection dropped; the seat is held for the grace period. */
    CONNECTION_LOST,
    /** The connection came back within the grace period. */
    RESUMED,
    /** What the participant sends changed (audio and video, audio only, none). */
    MODALITY_CHANGED,
    /** The session ended while the participant held a seat. */
    SESSION_ENDED
}
