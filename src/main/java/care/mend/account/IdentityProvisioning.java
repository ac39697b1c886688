package care.mend.account;

import care.mend.security.Role;

/**
 * What Mend asks of the identity provider about a person's login. Every method may block on the network (seconds at
 * most): call it outside any database transaction and never on a WebSocket container thread. Failures are
 * {@link ProvisioningException}s carrying the {@link care.mend.program.LoginProblem} that the record keeps.
 */
public interface IdentityProvisioning {

    /**
     * The user with this e-mail address, linked if the provider has one and made otherwise (enabled, the address not
     * yet verified, with the actions "update password" and "verify e-mail" pending), with the realm role given.
     *
     * @param firstName the name the user's account shows; Mend sends the name the group sees (never the record's)
     */
    ProvisionedUser ensureUser(String email, String firstName, Role role);

    /** Sends the provider's own e-mail with a link to set a password and verify the address. */
    void sendInvitation(String subject);

    /** Enables or disables the user; disabling also ends the user's sessions at the provider. */
    void setEnabled(String subject, boolean enabled);

    /**
     * The provider's user Mend linked or made.
     *
     * @param subject      the user's id, the {@code sub} of their tokens
     * @param created      true when Mend made the user now, false when one with the address existed
     * @param needsSetUp   true when the user still has actions to do (no password yet): an invitation is due
     */
    record ProvisionedUser(String subject, boolean created, boolean needsSetUp) {
    }
}
