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
    SESSION_ENDED,
    /**
     * The participant's own choice of what to send changed: the event's modality is the choice ({@code AUDIO_ONLY}
     * or {@code AUDIO_VIDEO}), not what flows. A choice is recorded so that a record shows both what the patient asked
     * for and what the media server saw (MODALITY_CHANGED); it never changes the minutes by itself. A choice made in
     * the waiting room is recorded at admission.
     */
    MEDIA_CHOSEN
}
