/**
 * The STUN and TURN servers browsers use to reach the media server, from configuration, with time-limited TURN
 * credentials in the TURN REST API scheme that coturn implements with {@code use-auth-secret}: the username is
 * {@code <expiry seconds>:<opaque id>} and the password is the base64 HMAC-SHA1 of the username keyed with the
 * shared secret. The opaque id is random per connection, never the person. Credentials are never logged.
 */
package care.mend.media.ice;
