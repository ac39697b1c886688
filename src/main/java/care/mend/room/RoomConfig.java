package care.mend.room;

import java.time.Duration;
import java.util.Objects;

/**
 * The room's tunables.
 *
 * @param maxPatients      seated patients at once (present or reconnecting); waiting patients take no seat
 * @param maxFacilitators  seated facilitators at once
 * @param openLead         how long before the scheduled start the room opens for joins
 * @param gracePeriod      how long a dropped participant's seat is held for a resume
 * @param emptyRoomLinger  how long after its scheduled end (or after emptying, if later) an empty room ends itself
 * @param iceBufferLimit   candidates buffered per endpoint before it exists; more are dropped
 */
public record RoomConfig(int maxPatients, int maxFacilitators, Duration openLead, Duration gracePeriod,
        Duration emptyRoomLinger, int iceBufferLimit) {

    public static final RoomConfig DEFAULTS = new RoomConfig(12, 2, Duration.ofMinutes(30), Duration.ofSeconds(120),
            Duration.ofMinutes(5), 64);

    public RoomConfig {
        if (maxPatients < 1 || maxFacilitators < 1 || iceBufferLimit < 1) {
            throw new IllegalArgumentException("limits are positive");
        }
        for (Duration d : new Duration[] {openLead, gracePeriod, emptyRoomLinger}) {
            if (Objects.requireNonNull(d, "duration").isNegative()) {
                throw new IllegalArgumentException("durations are not negative");
            }
        }
    }

    public RoomConfig withGracePeriod(Duration newGracePeriod) {
        return new RoomConfig(maxPatients, maxFacilitators, openLead, newGracePeriod, emptyRoomLinger, iceBufferLimit);
    }

    public RoomConfig withOpenLead(Duration newOpenLead) {
        return new RoomConfig(maxPatients, maxFacilitators, newOpenLead, gracePeriod, emptyRoomLinger, iceBufferLimit);
    }
}
