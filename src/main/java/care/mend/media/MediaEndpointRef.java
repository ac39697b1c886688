package care.mend.media;

import java.util.Objects;

/**
 * Names one WebRTC endpoint in a {@link MediaRoom}: a participant's publisher endpoint (what they send), the
 * subscriber endpoint through which one participant receives another's stream, or a low-bandwidth participant's grid
 * endpoint (everyone mixed into one stream). Participants are named by the room's participant ids, as strings.
 *
 * @param ownerId     the participant whose browser holds the other end of this endpoint
 * @param publisherId whose stream flows through it: {@code ownerId} itself for a publisher endpoint, {@link #GRID}
 *                    for the mixed grid
 */
public record MediaEndpointRef(String ownerId, String publisherId) {

    /** The publisher name of a grid endpoint; participant ids are UUIDs, so it names no participant. */
    public static final String GRID = "grid";

    public MediaEndpointRef {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(publisherId, "publisherId");
    }

    /** The endpoint that receives {@code participantId}'s own stream. */
    public static MediaEndpointRef publisher(String participantId) {
        return new MediaEndpointRef(participantId, participantId);
    }

    /** The endpoint through which {@code subscriberId} receives {@code publisherId}'s stream. */
    public static MediaEndpointRef subscriber(String subscriberId, String publisherId) {
        if (subscriberId.equals(publisherId)) {
            throw new IllegalArgumentException("a participant does not subscribe to itself");
        }
        return new MediaEndpointRef(subscriberId, publisherId);
    }

    /** The endpoint through which a low-bandwidth {@code subscriberId} receives the mixed grid. */
    public static MediaEndpointRef grid(String subscriberId) {
        return new MediaEndpointRef(subscriberId, GRID);
    }

    public boolean isGrid() {
        return publisherId.equals(GRID);
    }

    public boolean isPublisher() {
        return ownerId.equals(publisherId);
    }

    /** Whether the endpoint involves the participant, as owner or as publisher. */
    public boolean involves(String participantId) {
        return ownerId.equals(participantId) || publisherId.equals(participantId);
    }
}
