package care.mend.security;

/** Whether the access policy let a read happen. */
public enum AccessOutcome {
    ALLOWED,
    DENIED
}
