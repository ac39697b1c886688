package care.mend.room;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A single-use secret that lets a dropped client take back its participant. The room binds it to the participant and
 * to the subject that joined; it is replaced on every resume and dies with the grace period. {@link #toString()}
 * never prints it.
 *
 * @param value 256 random bits, base64url without padding
 */
public record ResumeToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public ResumeToken {
        Objects.requireNonNull(value, "value");
    }

    static ResumeToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ResumeToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return "ResumeToken[redacted]";
    }
}
