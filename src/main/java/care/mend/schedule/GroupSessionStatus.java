package care.mend.schedule;

/**
 * SCHEDULED, then LIVE while the room is open, then ENDED; or CANCELLED from SCHEDULED; or NOT_HELD from SCHEDULED
 * when the scheduled end plus a grace passed and the room never went live (see {@link GroupSession#markNotHeld}).
 */
public enum GroupSessionStatus {
    SCHEDULED,
    LIVE,
    ENDED,
    CANCELLED,
    /** The session did not take place: its time passed without the room ever going live. Nobody attended it. */
    NOT_HELD
}
