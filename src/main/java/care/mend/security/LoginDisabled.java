package care.mend.security;

import java.util.Objects;

/**
 * A CDI event: the login of {@code subject} was disabled from Mend. The live rooms close the person's signaling
 * sockets with {@code LOGIN_DISABLED}; fired after the change committed, never inside a transaction.
 *
 * @param subject the identity provider's subject of the disabled login
 */
public record LoginDisabled(String subject) {

    public LoginDisabled {
        Objects.requireNonNull(subject, "subject");
    }
}
