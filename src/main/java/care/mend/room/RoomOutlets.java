package care.mend.room;

import java.util.Objects;

/**
 * Where rooms send what happens in them. Every outlet is non-blocking by contract and called from each room's
 * outbound lane, never from inside a state change.
 */
public record RoomOutlets(RoomNotifier notifier, PresenceEventPublisher presence,
        SessionLifecycleListener sessions) {

    public RoomOutlets {
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(sessions, "sessions");
    }
}
