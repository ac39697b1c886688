package care.mend.room;

/** What a participant is in the room, decided by the room from the group's roster, never claimed by the client. */
public enum RoomRole {
    /** A licensed facilitator of the group: enters at once and runs the room. */
    FACILITATOR,
    /** A patient of the group: waits until admitted. */
    PATIENT
}
