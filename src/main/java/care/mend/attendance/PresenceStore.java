package care.mend.attendance;

import care.mend.room.PresenceEvent;
import java.util.List;

/** Where presence events are kept. */
public interface PresenceStore {

    /**
     * Stores the events whose idempotency keys are new, in one transaction, and skips the others.
     *
     * @return how many were new
     */
    int storeNew(List<PresenceEvent> events);
}
