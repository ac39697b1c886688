/**
 * Short-lived, single-use tickets that carry an identity verified over HTTP (a bearer token or a page session) into
 * a connection that cannot carry that identity itself: the signaling WebSocket, whose browser API sends no
 * {@code Authorization} header. A ticket is an opaque 256-bit random value bound to the caller's subject and roles;
 * it lives seconds, is redeemed at most once, and is kept only in this server's memory.
 *
 * <p>Plain Java: no CDI, no HTTP, no WebSocket here except the one producer that configures the store.
 */
package care.mend.security.ticket;
