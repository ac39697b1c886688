package care.mend.attendance;

import care.mend.media.MediaModality;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A stretch of time with one modality: in the room, or (for gaps) away while reconnecting. */
public record PresenceInterval(Instant from, Instant to, MediaModality modality) {

    public PresenceInterval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(modality, "modality");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an interval cannot end before it starts");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
