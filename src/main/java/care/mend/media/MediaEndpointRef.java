package care.mend.media;

import java.util.Objects;

/**
 * Names one WebRTC endpoint in a {@link MediaRoom}: a participant's publisher endpoint (what they send), or the
 * subscriber endpoint through which one participant receives another's stream. Participants are named by the
 * room's participant ids, as strings.
 *
 * @param ownerId     the participant whose browser holds the other end of this endpoint
 * @param publisherId whose stream flows through it: {@code ownerId} itself for a publisher endpoint
 */
public record MediaEndpointRef(String ownerId, String publisherId) {

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

    public boolean isPublisher() {
        return ownerId.equals(publisherId);
    }

    /** Whether the endpoint involves the participant, as owner or as publisher. */
    public boolean involves(String participantId) {
        return ownerId.equals(participantId) || publisherId.equals(participantId);
    }
}
