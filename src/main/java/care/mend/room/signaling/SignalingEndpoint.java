package care.mend.room.signaling;

import care.mend.media.ice.IceServer;
import care.mend.media.ice.IceServers;
import care.mend.room.HeartbeatPolicy;
import care.mend.room.SerialExecutor;
import care.mend.security.CurrentUser;
import care.mend.security.Role;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The signaling socket: the transport only. One instance per connection (the container's default), holding that
 * connection's identity, admitted once at the handshake by {@link SignalingConfigurator}. A connection without an
 * identity is closed at once with {@link SignalingCloseReason#TICKET_INVALID}.
 *
 * <p>On the container's thread this class only does what is cheap and must come first: the rate limit, the frame
 * size, and noting a sign of life for the heartbeat. Decoding and handling run on the connection's own serial lane
 * ({@link LiveRooms#lane()}), in order, never blocking the container; the session logic is
 * {@link SignalingConnection}, and everything sent goes through its one {@link OutboundQueue}. Nothing a client
 * sends throws out of here.
 */
@ServerEndpoint(value = "/signaling", subprotocols = SignalingHandshake.SUBPROTOCOL,
        configurator = SignalingConfigurator.class)
public class SignalingEndpoint {

    private static final Logger LOG = Logger.getLogger(SignalingEndpoint.class.getName());

    private CurrentUser user;
    private SignalingConnection connection;
    private LiveRooms live;
    private SerialExecutor lane;
    private FloodGuard flood;
    /** The flood guard closed this connection; frames still arriving are ignored. Container thread only. */
    private boolean closingForRate;
    /** Messages accepted and not yet handled on the lane. */
    private final Backlog backlog = new Backlog(SignalingLimits.MAX_PENDING_MESSAGES);
    private HeartbeatPolicy.Tracker heartbeat;
    /** Text and binary messages are taken in parts, so that no more than the limit is ever held (see there). */
    private final FrameAssembler text = new FrameAssembler(SignalingLimits.CONTAINER_MAX_FRAME_BYTES);
    private long binaryBytes;

    @OnOpen
    public void onOpen(Session session) {
        Object identity = session.getUserProperties().get(SignalingConfigurator.USER_PROPERTY);
        if (!(identity instanceof CurrentUser admitted)) {
            SignalingCloseReason why = SignalingConfigurator.VERSION_MISSING_MARKER.equals(identity)
                    ? SignalingCloseReason.VERSION_REQUIRED : SignalingCloseReason.TICKET_INVALID;
            LOG.info("MEND-SIGNALING handshake refused: " + why);
            new SessionFrameSink(session).close(why);
            return;
        }
        // Kept for containers that honour it; Undertow does not on a message read over several reads (FrameAssembler).
        session.setMaxTextMessageBufferSize(SignalingLimits.CONTAINER_MAX_FRAME_BYTES);
        session.setMaxBinaryMessageBufferSize(SignalingLimits.CONTAINER_MAX_FRAME_BYTES);
        SignalingLimits limits = CDI.current().select(SignalingLimits.class).get();
        live = CDI.current().select(LiveRooms.class).get();
        flood = new FloodGuard(limits.perSecond(), limits.burst(), System::nanoTime);
        connection = live.connect(admitted, new SessionFrameSink(session));
        lane = live.lane();
        user = admitted;
        LOG.info("MEND-SIGNALING connection opened");
        // Issuing is an HMAC over a few bytes: cheap enough for the container's thread, and it must come first.
        List<IceServer> iceServers = CDI.current().select(IceServers.class).get().issue();
        connection.send(new ServerMessage.Welcome(user.roles().stream().map(Role::realmRole).sorted().toList(),
                iceServers));
        heartbeat = live.startHeartbeat(connection);
    }

    /**
     * A part of a text message, as the container read it: a message in one frame read in one go is one part. The
     * message is handled when whole; one that passes the container limit closes the socket with 1009 at once.
     */
    @OnMessage
    public void onTextPart(String part, boolean last) {
        if (user == null) {
            return; // a refused connection is closing; it reads nothing
        }
        heartbeat.signOfLife();
        FrameAssembler.Result result = text.add(part, last);
        if (result instanceof FrameAssembler.Result.Message message) {
            onText(message.text());
        } else if (result instanceof FrameAssembler.Result.TooBig) {
            closeTooBig();
        }
    }

    private void closeTooBig() {
        LOG.info("MEND-SIGNALING closing a connection: " + SignalingCloseReason.MESSAGE_TOO_BIG);
        connection.close(SignalingCloseReason.MESSAGE_TOO_BIG);
    }

    /** A whole text message within the container limit. */
    private void onText(String text) {
        try {
            if (closingForRate) {
                return;
            }
            switch (flood.admit()) {
                case ACCEPT -> { }
                case REFUSE -> {
                    // Answered with the request's own id (decoded on the lane, like any message), never dropped
                    // silently: a client must not wait out a timeout for a request the server did not take.
                    if (!SignalingLimits.tooLarge(text)) {
                        lane.execute(() -> refuseForRate(text));
                    } else {
                        connection.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.RATE_LIMITED, null));
                    }
                    return;
                }
                case CLOSE -> {
                    // Through the lane, behind the RATE_LIMITED answers still being made there; once.
                    if (!closingForRate) {
                        closingForRate = true;
                        lane.execute(() -> {
                            if (connection.closeAfterQueued(SignalingCloseReason.RATE_LIMITED)) {
                                LOG.info("MEND-SIGNALING closing a connection: " + SignalingCloseReason.RATE_LIMITED);
                            }
                        });
                    }
                    return;
                }
            }
            if (SignalingLimits.tooLarge(text)) {
                connection.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.FRAME_TOO_LARGE, null));
                return;
            }
            if (!backlog.enter()) {
                // The lane is behind (a slow database under a join, say): what waits for it is bounded, and the
                // message over the bound is answered now with its own requestId, never left to time out.
                String requestId = SignalingJson.envelope(text).map(ClientEnvelope::requestId).orElse(null);
                connection.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.RATE_LIMITED, requestId));
                return;
            }
            lane.execute(() -> {
                try {
                    handle(text);
                } finally {
                    backlog.leave();
                }
            });
        } catch (RejectedExecutionException e) {
            connection.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.INTERNAL_ERROR, null));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "MEND-SIGNALING message intake failed", e);
            connection.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.INTERNAL_ERROR, null));
        }
    }

    /** On the connection's lane: a message over the rate limit gets {@code RATE_LIMITED} and nothing else. */
    private void refuseForRate(String text) {
        SignalingJson.Decoded decoded = SignalingJson.decodeClientMessage(text);
        String requestId = decoded instanceof SignalingJson.Decoded.Message message ? message.message().requestId()
                : decoded instanceof SignalingJson.Decoded.Refused refused ? refused.requestId() : null;
        connection.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.RATE_LIMITED, requestId));
    }

    /** On the connection's lane. */
    private void handle(String text) {
        SignalingJson.Decoded decoded = SignalingJson.decodeClientMessage(text);
        if (decoded instanceof SignalingJson.Decoded.Refused refused) {
            connection.send(ServerMessage.ErrorMessage.of(refused.code(), refused.requestId()));
        } else if (decoded instanceof SignalingJson.Decoded.Message message) {
            connection.handle(message.message());
        }
    }

    /** Binary messages are not part of the protocol: each is answered once, when whole, and never held. */
    @OnMessage
    public void onBinaryPart(ByteBuffer part, boolean last) {
        if (user == null) {
            return;
        }
        heartbeat.signOfLife();
        boolean wasWithin = binaryBytes <= SignalingLimits.CONTAINER_MAX_FRAME_BYTES;
        binaryBytes += part.remaining();
        if (wasWithin && binaryBytes > SignalingLimits.CONTAINER_MAX_FRAME_BYTES) {
            closeTooBig();
        } else if (last && wasWithin) {
            connection.send(ServerMessage.ErrorMessage.of(SignalingErrorCode.MALFORMED_MESSAGE, null));
        }
        if (last) {
            binaryBytes = 0;
        }
    }

    @OnMessage
    public void onPong(PongMessage pong) {
        if (user != null) {
            heartbeat.signOfLife();
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
        if (connection != null) {
            connection.close(null);
            connection.closed();
            live.disconnected(connection);
        }
    }

    @OnClose
    public void onClose(CloseReason reason) {
        if (user != null) {
            LOG.info("MEND-SIGNALING connection closed with code " + reason.getCloseCode().getCode());
            connection.close(null);
            connection.closed();
            live.disconnected(connection);
        }
    }
}
