/**
 * The signaling WebSocket at {@code /signaling}: its authenticated handshake and, in the next step, the room
 * protocol. A connection is admitted once, at the handshake, by a single-use ticket that the client obtained over
 * HTTP with its normal credentials ({@code POST /api/signaling/tickets}); the browser's Origin must be one of
 * {@code mend.allowed-origins}. The identity then lives with that connection until it closes.
 *
 * <p>Messages are records serialised by JSON-B, one sealed interface per direction; all sends to one connection go
 * through its {@link care.mend.room.signaling.SignalingChannel}. Nothing a client sends may throw out of the
 * endpoint. Log lines start with {@code MEND-SIGNALING} and carry no subject, ticket, token or message content.
 * The protocol is described in {@code src/docs/signaling-protocol.md}.
 */
package care.mend.room.signaling;
