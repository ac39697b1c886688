package care.mend.room.signaling;

import care.mend.media.MediaEndpointRef;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Objects;

/**
 * One of the caller's own WebRTC endpoints, as the wire names it: {@code {"kind":"publisher"}} (what the caller
 * sends) or {@code {"kind":"subscriber","publisherId":"<participant>"}} (how the caller receives that participant's
 * stream). Always from the point of view of the connection that sends or receives the message, so a client can
 * never name someone else's endpoint.
 *
 * @param kind        {@value #PUBLISHER} or {@value #SUBSCRIBER}
 * @param publisherId for a subscriber endpoint, whose stream it carries; absent for the publisher endpoint
 */
@JsonbPropertyOrder({"kind", "publisherId"})
public record EndpointName(String kind, String publisherId) {

    public static final String PUBLISHER = "publisher";
    public static final String SUBSCRIBER = "subscriber";

    public EndpointName {
        Objects.requireNonNull(kind, "kind");
        if (PUBLISHER.equals(kind)) {
            if (publisherId != null) {
                throw new IllegalArgumentException("a publisher endpoint names no publisherId");
            }
        } else if (SUBSCRIBER.equals(kind)) {
            if (publisherId == null || publisherId.isBlank()) {
                throw new IllegalArgumentException("a subscriber endpoint names its publisherId");
            }
        } else {
            throw new IllegalArgumentException("kind is publisher or subscriber");
        }
    }

    public static EndpointName publisher() {
        return new EndpointName(PUBLISHER, null);
    }

    public static EndpointName subscriberOf(String publisherId) {
        return new EndpointName(SUBSCRIBER, publisherId);
    }

    /** The media endpoint this names, owned by {@code ownerId}. */
    MediaEndpointRef toRef(String ownerId) {
        return PUBLISHER.equals(kind) ? MediaEndpointRef.publisher(ownerId)
                : MediaEndpointRef.subscriber(ownerId, publisherId);
    }

    /** How the owner of {@code ref} names it. */
    static EndpointName of(MediaEndpointRef ref) {
        return ref.isPublisher() ? publisher() : subscriberOf(ref.publisherId());
    }
}
