package care.mend.room;

/** Where a participant is. Whether their connection is up is separate ({@link ParticipantView#reconnecting()}). */
public enum ParticipantStatus {
    /** In the waiting room: not admitted, sees and sends nothing of the session. */
    WAITING,
    /** Admitted: holds a seat, takes part. */
    PRESENT
}
