package care.mend.room.signaling;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCode;
import java.nio.charset.StandardCharsets;

/**
 * Why the server closes a signaling socket: a WebSocket close code and a stable reason phrase that clients branch
 * on. A reason must stay under 123 bytes of UTF-8 (a longer one throws on the server and hangs the client).
 */
public enum SignalingCloseReason {
    /** The handshake offered no ticket, or one that is unknown, expired, already used or not alone. */
    TICKET_INVALID(CloseReason.CloseCodes.VIOLATED_POLICY),
    /** The handshake did not offer the protocol version {@code mend.v1}; its ticket is used up. */
    VERSION_REQUIRED(CloseReason.CloseCodes.VIOLATED_POLICY),
    /** The client went on sending after {@code RATE_LIMITED}. */
    RATE_LIMITED(CloseReason.CloseCodes.VIOLATED_POLICY),
    /** The client did not read its messages: its outbound queue passed its bound. Its seat is held as for a drop. */
    SLOW_CONSUMER(CloseReason.CloseCodes.VIOLATED_POLICY),
    /** No pong (nor any message) for the heartbeat's limit: the connection is taken for dead. */
    HEARTBEAT_TIMEOUT(CloseReason.CloseCodes.VIOLATED_POLICY),
    /** The participant resumed on another connection; this one no longer speaks for it. */
    RESUMED_ELSEWHERE(CloseReason.CloseCodes.VIOLATED_POLICY),
    /** The person's login was disabled from Mend (an admin's "disable login"); the seat is held as for a drop. */
    LOGIN_DISABLED(CloseReason.CloseCodes.VIOLATED_POLICY),
    /** A message (text or binary) passed {@link SignalingLimits#CONTAINER_MAX_FRAME_BYTES}: 1009, message too big. */
    MESSAGE_TOO_BIG(CloseReason.CloseCodes.TOO_BIG);

    static final int MAX_REASON_BYTES = 122;

    private final CloseCode code;

    SignalingCloseReason(CloseCode code) {
        this.code = code;
        if (name().getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            throw new IllegalStateException("Close reason too long: " + name());
        }
    }

    public CloseReason toCloseReason() {
        return new CloseReason(code, name());
    }
}
