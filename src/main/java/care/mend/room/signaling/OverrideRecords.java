package care.mend.room.signaling;

import care.mend.room.Admission;
import care.mend.security.CurrentUser;
import java.util.UUID;

/**
 * Where a facilitator's "admit anyway" is written down: the override record (author, time, reason, the patient's
 * stated place) and its row of the access log, in one transaction. May block (it writes the database): called on a
 * signaling worker, never on a room's lane or the WebSocket container's thread.
 */
@FunctionalInterface
public interface OverrideRecords {

    /** For tests of rooms that flag nobody: an override to record is a bug there. */
    OverrideRecords NONE = (caller, sessionId, admission) -> {
        throw new IllegalStateException("no override records here");
    };

    /** Records the override of {@code admission} ({@link Admission#overridden()}), made by {@code caller}. */
    void record(CurrentUser caller, UUID sessionId, Admission admission);
}
