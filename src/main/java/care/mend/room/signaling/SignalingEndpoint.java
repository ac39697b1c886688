package care.mend.room.signaling;

import care.mend.security.CurrentUser;
import care.mend.security.Role;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The signaling socket. One instance per connection (the container's default), holding that connection's
 * identity, admitted once at the handshake by {@link SignalingConfigurator}. A connection without an identity is
 * closed at once with {@link SignalingCloseReason#TICKET_INVALID}; the client gets a new ticket and reconnects.
 *
 * <p>The room protocol arrives with the next issue; until then every well-formed message is answered with
 * {@link SignalingErrorCode#NOT_IMPLEMENTED}. Nothing a client sends throws out of here.
 */
@ServerEndpoint(value = "/signaling", subprotocols = SignalingHandshake.SUBPROTOCOL,
        configurator = SignalingConfigurator.class)
public class SignalingEndpoint {

    private static final Logger LOG = Logger.getLogger(SignalingEndpoint.class.getName());

    private CurrentUser user;
    private SignalingChannel channel;
    private FloodGuard flood;

    @OnOpen
    public void onOpen(Session session) {
        channel = new SignalingChannel(session);
        if (!(session.getUserProperties().get(SignalingConfigurator.USER_PROPERTY) instanceof CurrentUser admitted)) {
            LOG.info("MEND-SIGNALING handshake refused: " + SignalingCloseReason.TICKET_INVALID);
            channel.close(SignalingCloseReason.TICKET_INVALID);
            return;
        }
        user = admitted;
        SignalingLimits limits = CDI.current().select(SignalingLimits.class).get();
        flood = new FloodGuard(limits.perSecond(), limits.burst(), System::nanoTime);
        session.setMaxTextMessageBufferSize(SignalingLimits.CONTAINER_MAX_FRAME_BYTES);
        LOG.info("MEND-SIGNALING connection opened");
        channel.send(new ServerMessage.Welcome(user.roles().stream().map(Role::realmRole).sorted().toList()));
    }

    @OnMessage(maxMessageSize = SignalingLimits.CONTAINER_MAX_FRAME_BYTES)
    public void onText(String text) {
        if (user == null) {
            return; // a refused connection is closing; it reads nothing
        }
        try {
            switch (flood.admit()) {
                case ACCEPT -> { }
                case REFUSE -> {
                    channel.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.RATE_LIMITED, null));
                    return;
                }
                case DROP -> {
                    return;
                }
                case CLOSE -> {
                    LOG.info("MEND-SIGNALING closing a connection: " + SignalingCloseReason.RATE_LIMITED);
                    channel.close(SignalingCloseReason.RATE_LIMITED);
                    return;
                }
            }
            if (SignalingLimits.tooLarge(text)) {
                channel.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.FRAME_TOO_LARGE, null));
                return;
            }
            SignalingJson.Decoded decoded = SignalingJson.decodeClientMessage(text);
            if (decoded instanceof SignalingJson.Decoded.Refused refused) {
                channel.send(ServerMessage.ErrorMessage.of(refused.code(), refused.requestId()));
            } else if (decoded instanceof SignalingJson.Decoded.Message message) {
                channel.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.NOT_IMPLEMENTED,
                        message.message().requestId()));
            }
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            // The trace is ours; the message content is not logged: it may be health data.
            LOG.log(Level.SEVERE, "MEND-SIGNALING message handling failed, incident " + incident, e);
            channel.send(new ServerMessage.ErrorMessage(SignalingErrorCode.INTERNAL_ERROR,
                    SignalingErrorCode.INTERNAL_ERROR.message() + " (incident " + incident + ")", null));
        }
    }

    @OnMessage
    public void onBinary(ByteBuffer ignored) {
        if (user != null) {
            channel.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.MALFORMED_MESSAGE, null));
        }
    }

    @OnError
    public void onError(Throwable error) {
        if (error instanceof IOException) {
            LOG.log(Level.FINE, "MEND-SIGNALING connection failed", error);
        } else {
            LOG.log(Level.WARNING, "MEND-SIGNALING connection error " + error.getClass().getName());
            LOG.log(Level.FINE, "MEND-SIGNALING connection error", error);
        }
    }

    @OnClose
    public void onClose(CloseReason reason) {
        if (user != null) {
            LOG.info("MEND-SIGNALING connection closed with code " + reason.getCloseCode().getCode());
        }
    }
}
