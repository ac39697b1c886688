package care.mend.attendance;

/**
 * A patient's attendance at one session, as the ledger states it once the session has ended: a final word, decided
 * by the minutes present, the credit and the excuse alone ({@link AttendanceCalculator#statusOf}). Lateness, leaving
 * early, reconnection gaps and the audio-only share are not statuses: they are {@link AttendanceFlags}, independent of
 * the status and of each other (until V11 LATE and LEFT_EARLY were statuses that hid each other and PARTIAL hid
 * both). While a session is still on its lines have no status, a {@link LiveState} instead.
 */
public enum AttendanceStatus {
    /** In the room for at least the credit minutes, not excused: credited. */
    PRESENT,
    /** In the room during the session, but for fewer minutes than earn credit. */
    PARTIAL,
    /** Not in the room at any time during the session. */
    ABSENT,
    /** Excused by a facilitator, with a reason; no credit, whatever the minutes. */
    EXCUSED,
    /**
     * The session did not take place (its status is NOT_HELD): neither attended nor absent, no credit. Only on the
     * sheet of such a session; a signed record never has it (nobody attended, so none is written).
     */
    NOT_HELD
}
