package care.mend.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller as the identity provider vouches for them: the token's subject and Mend's realm
 * roles, plus the address the request came from (for the access log). Names and e-mails are deliberately absent.
 *
 * @param subject       the identity provider's stable subject ({@code sub}), never null
 * @param roles         Mend's roles among the caller's realm roles
 * @param remoteAddress the client address as the server saw it
 */
public record CurrentUser(String subject, Set<Role> roles, String remoteAddress) {

    public CurrentUser {
        Objects.requireNonNull(subject, "subject");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
