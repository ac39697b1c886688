package care.mend.attendance;

/** A patient's attendance at one session, as the ledger states it. */
public enum AttendanceStatus {
    /** Credited, on time, stayed to the end. */
    PRESENT,
    /** Credited, but arrived after the late threshold. */
    LATE,
    /** Credited, but left before the early-leave threshold. */
    LEFT_EARLY,
    /** Present, but for fewer minutes than earn credit. */
    PARTIAL,
    /** Never admitted. */
    ABSENT,
    /** Excused by a facilitator, with a reason; no credit. */
    EXCUSED,
    /**
     * The session did not take place (its status is NOT_HELD): neither attended nor absent, no credit. Only on the
     * sheet of such a session; a signed record never has it (nobody attended, so none is written).
     */
    NOT_HELD
}
