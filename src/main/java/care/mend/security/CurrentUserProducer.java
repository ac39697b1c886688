package care.mend.security;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The caller of the current HTTP request as a {@link CurrentUser}. The elytron-oidc-client mechanism has already
 * verified the token or the session; its principal's name is the token's {@code sub} (oidc.cli sets
 * {@code principal-attribute=sub}) and its roles are the realm roles.
 */
@RequestScoped
public class CurrentUserProducer {

    @Inject
    HttpServletRequest request;

    /**
     * Dependent, not request-scoped: a record cannot be proxied. Inject it only into request-scoped beans (the
     * resources and the access policy), so that each request sees its own caller.
     */
    @Produces
    @Dependent
    CurrentUser currentUser() {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            // web.xml lets no anonymous request reach /api; this is a configuration error, not a client's.
            throw new IllegalStateException("No authenticated caller on a protected path");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (request.isUserInRole(role.realmRole())) {
                roles.add(role);
            }
        }
        return new CurrentUser(principal.getName(), roles, request.getRemoteAddr());
    }
}
