package care.mend.room;

/** Why a participant is no longer in the room. */
public enum LeaveReason {
    /** The participant left. */
    LEFT,
    /** A facilitator declined the waiting patient. They may join again. */
    DECLINED,
    /** A facilitator removed the participant. They may join again. */
    REMOVED,
    /** A facilitator removed the participant and barred them from this session. */
    REMOVED_AND_BARRED,
    /** The connection stayed down past the grace period. */
    GRACE_EXPIRED,
    /** A facilitator ended the session, or the empty room ended after its scheduled end. */
    SESSION_ENDED
}
