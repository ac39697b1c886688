package care.mend.room;

/** A room's lifecycle: OPEN, possibly LOCKED and OPEN again, then ENDED for good. */
public enum RoomStatus {
    /** Allowed patients may join (and wait to be admitted); facilitators may join. */
    OPEN,
    /** No new patient joins; waiting patients keep waiting and may still be admitted by a facilitator. */
    LOCKED,
    /** The session is over; every participant has left. */
    ENDED
}
