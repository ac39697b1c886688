package care.mend.schedule;

/** SCHEDULED, then LIVE while the room is open, then ENDED; or CANCELLED from SCHEDULED. */
public enum GroupSessionStatus {
    SCHEDULED,
    LIVE,
    ENDED,
    CANCELLED
}
