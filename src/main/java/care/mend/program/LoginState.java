package care.mend.program;

/**
 * Where a person's login stands, as Mend made it or last saw it. Stored by name ({@code login_state}); a name, once
 * stored, keeps its meaning.
 */
public enum LoginState {
    /** No login made by Mend: no e-mail address given, or not invited yet. A record linked by subject is ACTIVE. */
    NONE,
    /** The identity provider has the user and sent them the e-mail to set their password; they have not used it yet
     * as far as Mend knows. */
    INVITED,
    /** Linked to a login that is set up: an existing user found by the e-mail address, or a subject given by hand. */
    ACTIVE,
    /** The last attempt to make or invite the login failed; the record says why ({@link LoginProblem}): retry. */
    FAILED,
    /** Disabled from Mend: the identity provider refuses the sign-in, and Mend refuses the caller. */
    DISABLED
}
