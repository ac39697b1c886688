package care.mend.program;

/** Why the last attempt to make, invite or disable a login did not complete; stored by name ({@code login_problem}). */
public enum LoginProblem {
    /** The identity provider could not be reached, answered with a server error, or Mend has no credentials for it. */
    IDP_UNAVAILABLE,
    /** The user exists but the invitation e-mail was not sent (the realm has no mail server, or it refused). */
    EMAIL_NOT_SENT,
    /** The identity provider's user with that e-mail address is already linked to another record. */
    EMAIL_TAKEN,
    /** The identity provider refused the user as described (an address it does not accept, say). */
    IDP_REFUSED
}
