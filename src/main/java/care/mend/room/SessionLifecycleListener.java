package care.mend.room;

import java.time.Instant;
import java.util.UUID;

/**
 * Tells the scheduling side that a group session went live (its first facilitator came in) or ended, so it can mark
 * the {@code GroupSession}. Contract as for the other outbound ports: non-blocking, called from the room's outbound
 * lane, at most once per kind per session.
 */
public interface SessionLifecycleListener {

    void sessionLive(UUID sessionId, Instant at);

    void sessionEnded(UUID sessionId, Instant at);

    /** Ignores both; for rooms whose sessions nobody tracks. */
    static SessionLifecycleListener none() {
        return new SessionLifecycleListener() {
            @Override
            public void sessionLive(UUID sessionId, Instant at) {
            }

            @Override
            public void sessionEnded(UUID sessionId, Instant at) {
            }
        };
    }
}
