package care.mend.room;

import java.util.Objects;
import java.util.UUID;

/**
 * A participant of one room: random, never reused, never derived from the person. The same person in two rooms (or
 * joining the same room again after leaving) is two participants; a resumed connection keeps its participant.
 *
 * @param value the id as clients see it
 */
public record ParticipantId(String value) {

    public ParticipantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a participant id is not blank");
        }
    }

    static ParticipantId random() {
        return new ParticipantId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
