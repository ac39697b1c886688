package care.mend.security.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * What the holder of a fresh ticket learns: its value and when it stops being redeemable. The value is a secret
 * for its short life: it is never logged.
 *
 * @param value     43 characters of unpadded base64url (256 random bits)
 * @param expiresAt the instant after which the ticket is refused even if unused
 */
public record IssuedTicket(String value, Instant expiresAt) {

    public IssuedTicket {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        // Records print their components; this one's value is a credential.
        return "IssuedTicket[expiresAt=" + expiresAt + "]";
    }
}
