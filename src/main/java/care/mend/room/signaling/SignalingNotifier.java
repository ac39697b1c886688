package care.mend.room.signaling;

import care.mend.room.ParticipantId;
import care.mend.room.RoomEvent;
import care.mend.room.RoomNotifier;
import java.util.Objects;
import java.util.UUID;

/**
 * Carries the rooms' events to connections: finds the recipient's connection and queues the message on it. Never
 * blocks (queuing is all it does) and drops events for participants without a connection (dropped, reconnecting,
 * or gone). A {@code dismissed} ends the participant's binding to its connection: the socket stays open and may
 * join again.
 */
final class SignalingNotifier implements RoomNotifier {

    private final ConnectionDirectory directory;

    SignalingNotifier(ConnectionDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public void deliver(UUID sessionId, ParticipantId recipient, RoomEvent event) {
        ConnectionDirectory.Key key = new ConnectionDirectory.Key(sessionId, recipient);
        directory.find(key).ifPresent(connection -> {
            connection.deliver(toMessage(event));
            if (event instanceof RoomEvent.Dismissed) {
                connection.dismissed(key);
            }
        });
    }

    /** The wire form of a room event; exhaustive over the sealed events. */
    static ServerMessage toMessage(RoomEvent event) {
        if (event instanceof RoomEvent.RoomUpdated updated) {
            return new ServerMessage.RoomUpdated(RoomView.of(updated.snapshot()));
        } else if (event instanceof RoomEvent.Admitted admitted) {
            return new ServerMessage.Admitted(RoomView.of(admitted.snapshot()));
        } else if (event instanceof RoomEvent.Dismissed dismissed) {
            return new ServerMessage.Dismissed(dismissed.reason());
        } else if (event instanceof RoomEvent.MuteRequested requested) {
            return new ServerMessage.MuteRequested(requested.by().value());
        } else if (event instanceof RoomEvent.Muted muted) {
            return new ServerMessage.Muted(muted.by().value());
        } else if (event instanceof RoomEvent.IceCandidateFound found) {
            return new ServerMessage.IceCandidate(EndpointName.of(found.endpoint()), found.candidate().candidate(),
                    found.candidate().sdpMid(), found.candidate().sdpMLineIndex());
        } else if (event instanceof RoomEvent.MediaInterrupted) {
            return new ServerMessage.MediaInterrupted();
        } else if (event instanceof RoomEvent.MediaRestored) {
            return new ServerMessage.Renegotiate();
        }
        throw new IllegalArgumentException("unmapped room event " + event.getClass().getName());
    }
}
