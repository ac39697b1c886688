package care.mend.room.signaling;

import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@link OutboundQueue}'s socket: a Jakarta WebSocket session's asynchronous remote. */
final class SessionFrameSink implements OutboundQueue.FrameSink {

    private static final Logger LOG = Logger.getLogger(SessionFrameSink.class.getName());
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Session session;

    SessionFrameSink(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public void sendText(String text, Consumer<Throwable> done) {
        session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null
                : result.getException() != null ? result.getException() : new IOException("send failed")));
    }

    @Override
    public void sendPing(Consumer<Throwable> done) {
        try {
            session.getAsyncRemote().sendPing(EMPTY.duplicate());
            done.accept(null);
        } catch (IOException | RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public void close(SignalingCloseReason reason) {
        try {
            if (!session.isOpen()) {
                return;
            }
            if (reason == null) {
                session.close();
            } else {
                session.close(reason.toCloseReason());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "MEND-SIGNALING close failed", e);
        }
    }
}
