/**
 * The signaling WebSocket at {@code /signaling}: its authenticated handshake and the room protocol. A connection is admitted once, at the handshake, by a single-use ticket that the client obtained over
 * HTTP with its normal credentials ({@code POST /api/signaling/tickets}); the browser's Origin must be one of
 * {@code mend.allowed-origins}. The identity then lives with that connection until it closes.
 *
 * <p>Messages are records serialised by JSON-B, one sealed interface per direction
 * ({@link care.mend.room.signaling.ClientMessage}, {@link care.mend.room.signaling.ServerMessage}), with one error-code
 * enum. A request flows one way: the endpoint (transport only) hands each frame to the connection's serial lane;
 * {@link care.mend.room.signaling.SignalingConnection} (session logic, no socket) calls the
 * {@link care.mend.room.RoomRegistry} owned by {@link care.mend.room.signaling.LiveRooms}; the rooms' events come back
 * through {@link care.mend.room.signaling.SignalingNotifier}. All sends to one connection go through its one
 * {@link care.mend.room.signaling.OutboundQueue}. Nothing a client sends may throw out of the endpoint. Log lines start with {@code MEND-SIGNALING} and carry no subject, ticket, token or message content.
 * The protocol is described in {@code src/docs/signaling-protocol.md}.
 */
package care.mend.room.signaling;
