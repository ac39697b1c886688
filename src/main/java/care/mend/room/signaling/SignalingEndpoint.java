package care.mend.room.signaling;

import care.mend.security.CurrentUser;
import care.mend.security.Role;
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

    /**
     * What the container reads: four times our 64 KiB message limit, so that an oversized message is answered with
     * {@code FRAME_TOO_LARGE} and the socket stays open; a frame larger than this closes the socket with 1009.
     */
    static final int MAX_TEXT_MESSAGE_BYTES = 4 * ClientMessageCodec.MAX_FRAME_BYTES;

    /** Messages a second a client may send (MicroProfile Config {@code mend.signaling.max-messages-per-second}). */
    private static final int MESSAGES_PER_SECOND = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("mend.signaling.max-messages-per-second", Integer.class)
            .filter(rate -> rate >= 1 && rate <= 1000).orElse(20);

    private static final Logger LOG = Logger.getLogger(SignalingEndpoint.class.getName());

    private CurrentUser user;
    private SignalingChannel channel;
    private FloodGuard floodGuard;

    @OnOpen
    public void onOpen(Session session) {
        channel = new SignalingChannel(session);
        if (!(session.getUserProperties().get(SignalingConfigurator.USER_PROPERTY) instanceof CurrentUser admitted)) {
            LOG.info("MEND-SIGNALING handshake refused: " + SignalingCloseReason.TICKET_INVALID);
            channel.close(SignalingCloseReason.TICKET_INVALID);
            return;
        }
        user = admitted;
        floodGuard = new FloodGuard(MESSAGES_PER_SECOND, 2 * MESSAGES_PER_SECOND, java.time.Clock.systemUTC());
        session.setMaxTextMessageBufferSize(MAX_TEXT_MESSAGE_BYTES);
        LOG.info("MEND-SIGNALING connection opened");
        channel.send(new ServerMessage.Welcome(user.roles().stream().map(Role::realmRole).sorted().toList()));
    }

    /** Shared: the codec holds no state, and building a validator is costly. */
    private static final ClientMessageCodec CODEC =
            new ClientMessageCodec(jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator());

    // The container accepts up to 256 KiB so that a frame over our 64 KiB limit is answered with a code rather than
    // a closed socket; beyond 256 KiB the container closes the connection (1009), as it must to protect itself.
    @OnMessage(maxMessageSize = 256 * 1024)
    public void onText(String text) {
        if (user == null) {
            return; // a refused connection is closing; it reads nothing
        }
        switch (floodGuard.onMessage()) {
            case WARN -> {
                channel.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.RATE_LIMITED, null));
                return;
            }
            case CLOSE -> {
                LOG.info("MEND-SIGNALING connection closed: " + SignalingCloseReason.RATE_LIMITED);
                channel.close(SignalingCloseReason.RATE_LIMITED);
                return;
            }
            default -> {
                // accepted
            }
        }
        try {
            ClientMessageCodec.Decoded decoded = CODEC.decode(text);
            if (decoded instanceof ClientMessageCodec.Decoded.Refused refused) {
                String message = refused.detail() == null ? refused.code().message()
                        : refused.code().message() + " (" + refused.detail() + ")";
                channel.send(new ServerMessage.ErrorMessage(refused.code(), message, refused.requestId()));
            } else if (decoded instanceof ClientMessageCodec.Decoded.Message read) {
                channel.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.NOT_IMPLEMENTED,
                        read.message().requestId()));
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
