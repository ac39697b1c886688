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
    EXCUSED
}
