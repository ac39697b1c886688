package care.mend.room.signaling;

import care.mend.media.MediaEndpointRef;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Objects;

/**
 * One of the caller's own WebRTC endpoints, as the wire names it: {@code {"kind":"publisher"}} (what the caller
 * sends), {@code {"kind":"subscriber","publisherId":"<participant>"}} (how the caller receives that participant's
 * stream) or {@code {"kind":"grid"}} (how a low-bandwidth caller receives everyone mixed). Always from the point of view of the connection that sends or receives the message, so a client can
 * never name someone else's endpoint.
 *
 * @param kind        {@value #PUBLISHER}, {@value #SUBSCRIBER} or {@value #GRID}
 * @param publisherId for a subscriber endpoint, whose stream it carries; absent for the publisher endpoint
 */
@JsonbPropertyOrder({"kind", "publisherId"})
public record EndpointName(String kind, String publisherId) {

    public static final String PUBLISHER = "publisher";
    public static final String SUBSCRIBER = "subscriber";
    public static final String GRID = "grid";

    public EndpointName {
        Objects.requireNonNull(kind, "kind");
        if (PUBLISHER.equals(kind) || GRID.equals(kind)) {
            if (publisherId != null) {
                throw new IllegalArgumentException("a publisher or grid endpoint names no publisherId");
            }
        } else if (SUBSCRIBER.equals(kind)) {
            if (publisherId == null || publisherId.isBlank()) {
                throw new IllegalArgumentException("a subscriber endpoint names its publisherId");
            }
        } else {
            throw new IllegalArgumentException("kind is publisher, subscriber or grid");
        }
    }

    public static EndpointName publisher() {
        return new EndpointName(PUBLISHER, null);
    }

    public static EndpointName grid() {
        return new EndpointName(GRID, null);
    }

    public static EndpointName subscriberOf(String publisherId) {
        return new EndpointName(SUBSCRIBER, publisherId);
    }

    /** The media endpoint this names, owned by {@code ownerId}. */
    MediaEndpointRef toRef(String ownerId) {
        if (GRID.equals(kind)) {
            return MediaEndpointRef.grid(ownerId);
        }
        return PUBLISHER.equals(kind) ? MediaEndpointRef.publisher(ownerId)
                : MediaEndpointRef.subscriber(ownerId, publisherId);
    }

    /** How the owner of {@code ref} names it. */
    static EndpointName of(MediaEndpointRef ref) {
        if (ref.isGrid()) {
            return grid();
        }
        return ref.isPublisher() ? publisher() : subscriberOf(ref.publisherId());
    }
}
