package care.mend.room;

/**
 * What the rooms count for monitoring, as a port: the room model stays plain Java, and the server's adapter
 * ({@code care.mend.room.signaling.RoomMeters}) turns these calls into meters. Implementations must not block and
 * must never see who joined: the calls carry no ids, subjects or names on purpose.
 */
public interface RoomMetrics {

    /** Counts nothing: for tests and for a server without metrics. */
    RoomMetrics NONE = new RoomMetrics() {
        @Override
        public void joined(RoomRole role) {
        }

        @Override
        public void resumed() {
        }
    };

    /** A join was accepted (the person waits or is seated; a rejoin that takes a seat back counts too). */
    void joined(RoomRole role);

    /** A dropped participant came back with its resume token. */
    void resumed();
}
