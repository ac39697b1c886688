package care.mend.room.signaling;

import care.mend.room.ParticipantId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which connection speaks for which participant of which room, right now. A participant has at most one connection;
 * a resume on a new connection takes the participant over from the old one. Thread-safe; never blocks.
 */
final class ConnectionDirectory {

    record Key(UUID sessionId, ParticipantId participantId) {
    }

    private final ConcurrentMap<Key, SignalingConnection> connections = new ConcurrentHashMap<>();

    /** Binds the participant to the connection; returns the connection it was bound to before, if another. */
    Optional<SignalingConnection> bind(Key key, SignalingConnection connection) {
        SignalingConnection previous = connections.put(key, connection);
        return previous == null || previous == connection ? Optional.empty() : Optional.of(previous);
    }

    /** Unbinds the participant if, and only if, this connection still speaks for it. */
    boolean unbind(Key key, SignalingConnection connection) {
        return connections.remove(key, connection);
    }

    Optional<SignalingConnection> find(Key key) {
        return Optional.ofNullable(connections.get(key));
    }

    int size() {
        return connections.size();
    }
}
