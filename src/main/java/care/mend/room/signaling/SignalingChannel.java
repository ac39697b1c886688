package care.mend.room.signaling;

import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way to send to a signaling connection. Sends are serialised: a Jakarta {@code RemoteEndpoint.Basic} may
 * throw when two threads send at once, and room events will arrive on other threads than the socket's own.
 * A failed send closes the connection; the client reconnects with a new ticket.
 */
final class SignalingChannel {

    private static final Logger LOG = Logger.getLogger(SignalingChannel.class.getName());

    /** Guards every use of the session's basic remote. */
    private final Object sendLock = new Object();
    private final Session session;

    SignalingChannel(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    void send(ServerMessage message) {
        String json = SignalingJson.encode(message);
        synchronized (sendLock) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(json);
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "MEND-SIGNALING send failed; closing the connection", e);
                closeQuietly(null);
            }
        }
    }

    void close(SignalingCloseReason reason) {
        synchronized (sendLock) {
            closeQuietly(reason);
        }
    }

    private void closeQuietly(SignalingCloseReason reason) {
        try {
            if (reason == null) {
                session.close();
            } else {
                session.close(reason.toCloseReason());
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "MEND-SIGNALING close failed", e);
        }
    }
}
