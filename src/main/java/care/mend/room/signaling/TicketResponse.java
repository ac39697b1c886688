package care.mend.room.signaling;

import java.time.Instant;

/**
 * A fresh signaling ticket: offer it once, within its lifetime, when opening {@code /signaling}.
 *
 * @param ticket    opaque, 43 characters of base64url
 * @param expiresAt when the ticket stops being accepted (ISO-8601, UTC)
 */
public record TicketResponse(String ticket, Instant expiresAt) {

    @Override
    public String toString() {
        return "TicketResponse[expiresAt=" + expiresAt + "]";
    }
}
