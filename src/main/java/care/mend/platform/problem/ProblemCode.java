package care.mend.platform.problem;

/**
 * The stable, machine-readable error codes of the REST API. A code, once published, keeps its meaning and its
 * HTTP status; add new codes rather than reusing old ones.
 */
public enum ProblemCode {
    /**
     * The body or a parameter failed validation; {@code errors} lists the offending fields. Text fields refuse
     * control characters and unpaired surrogates here too.
     */
    VALIDATION_FAILED(400, "The request has invalid fields"),
    /**
     * The body is not JSON, or not of the expected shape: a value of the wrong JSON type for its field (a string or a
     * number where true or false belongs, a number where text belongs), a fraction or an out-of-range number for a
     * whole-number field, an unknown enum constant. {@code errors} names the field where one can be named; the
     * value itself is never repeated.
     */
    MALFORMED_BODY(400, "The request body could not be read"),
    /** The call needs a valid access token (or the page session), and it had none, or an expired or invalid one. */
    AUTHENTICATION_REQUIRED(401, "Authentication required"),
    /** No resource has that id (or the caller may not know that it exists). */
    NOT_FOUND(404, "No such resource"),
    /** The caller is authenticated but may not do this, or may not see this record. */
    ACCESS_DENIED(403, "Access denied"),
    /** The HTTP method is not supported at this path. */
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    /** The representation asked for or sent is not supported. */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    /** The body is larger than the API accepts ({@code mend.api.max-body-size}, 1 MiB by default): not processed. */
    BODY_TOO_LARGE(413, "The request body is too large"),
    /** Another request changed the resource first; read it again and retry. */
    CONCURRENT_MODIFICATION(409, "The resource was changed by another request"),

    // Clinical rules (409: the request is well formed but the domain refuses it).
    GROUP_FULL(409, "The group is at capacity"),
    CAPACITY_BELOW_MEMBERS(409, "The capacity is below the number of current members"),
    PATIENT_NOT_ENROLLED(409, "The patient is not enrolled in the group's program"),
    ALREADY_MEMBER(409, "The patient is already a member of the group"),
    MEMBERSHIP_ENDED(409, "The membership has already ended"),
    ALREADY_ENROLLED(409, "The patient already has an active enrollment in the program"),
    INVALID_STATUS_TRANSITION(409, "That status change is not allowed"),
    SESSION_NOT_CANCELLABLE(409, "Only a scheduled session can be cancelled"),
    FACILITATOR_ALREADY_ASSIGNED(409, "The facilitator is already assigned to the group"),
    FACILITATOR_NOT_ASSIGNED(409, "The facilitator is not assigned to the group"),
    DUPLICATE_SUBJECT(409, "Another record is already linked to that identity-provider subject"),
    SCHEDULE_CONFLICT(409, "The schedule has two slots at the same day and time"),
    INACTIVE_REFERENCE(409, "A referenced record is not active"),
    LAST_FACILITATOR(409, "A group keeps at least one facilitator"),
    /** The membership was voided as entered in error: it is final, neither ended nor voided again. */
    MEMBERSHIP_VOIDED(409, "The membership was voided as entered in error"),
    // Sessions beyond the weekly pattern: one-off, moved and make-up sessions, make-up guests.
    /** The session would share time with another session of the same group that still takes place. */
    SESSION_OVERLAP(409, "The session overlaps another session of the group"),
    /** A start before now, without saying that the session already happened ({@code alreadyHappened}). */
    SESSION_IN_THE_PAST(409, "The session would start in the past"),
    /** Only a SCHEDULED session whose start has not come yet can be moved. */
    SESSION_NOT_RESCHEDULABLE(409, "Only a scheduled session that has not started can be moved"),
    /** The patient is on the session's roster already, as a member of the group or as a guest. */
    ALREADY_ON_SESSION(409, "The patient is already on the session's roster"),
    /** Guests are added to a session still to come or on: not to one that ended, was cancelled or not held. */
    SESSION_CLOSED_TO_GUESTS(409, "Guests can be added only to a session that is still to come or on"),

    // Attendance.
    SESSION_NOT_ENDED(409, "The session has not ended"),
    ALREADY_SIGNED(409, "The session's attendance is already signed"),
    NOT_SIGNED(409, "The session's attendance is not signed yet"),
    /** The session did not take place: it is signed off as not held, with a reason, not with attendance. */
    SESSION_WAS_NOT_HELD(409, "The session was not held; sign it off as not held"),
    /** Only a session that did not take place (status NOT_HELD) is signed off as not held. */
    SESSION_NOT_NOT_HELD(409, "Only a session that was not held can be signed off as not held"),
    /**
     * An amendment's status does not agree with its minutes and credit, by the sign-off's rules (ABSENT: 0 minutes,
     * no credit; PRESENT: minutes and credit; PARTIAL: minutes, no credit; EXCUSED: no credit); {@code errors} names
     * the fields ({@code body.minutes}, {@code body.credited}).
     */
    AMENDMENT_INCONSISTENT(409, "The amended status does not agree with its minutes and credit"),
    /**
     * An amendment credits fewer minutes than the program's credit minutes without saying why
     * ({@code body.creditOverrideReason}).
     */
    CREDIT_BELOW_THRESHOLD(409, "Credit below the program's credit minutes needs an override reason"),

    // Check-in at join.
    /** The patient already checked in for this session: a check-in is kept as given, never replaced. */
    CHECK_IN_EXISTS(409, "You have already checked in for this session"),
    /** Check-in is open on the session's local day until its end, while it is scheduled or live. */
    CHECK_IN_CLOSED(409, "Check-in is not open for this session"),
    /** The session's program does not ask for a check-in. */
    CHECK_IN_NOT_ASKED(409, "This program does not ask for a check-in"),

    // Logins made from Mend.
    /** An invitation needs the record's e-mail address, and it has none: add one first. */
    LOGIN_EMAIL_REQUIRED(409, "The record has no e-mail address to invite"),
    /** The record is not linked to a login (no identity-provider subject): nothing to disable or enable. */
    NO_LOGIN(409, "The record is not linked to a login"),
    /** The record's login is disabled: enable it before inviting again. */
    LOGIN_IS_DISABLED(409, "The login is disabled; enable it first"),
    /** The caller's own login was disabled from Mend; the token they hold no longer counts. */
    LOGIN_DISABLED(403, "Your login is disabled"),
    // Telehealth consent and the group agreement (care.mend.consent).
    /**
     * The patient has not accepted the current version of every consent text of the session's program (never, an
     * earlier version, or withdrawn), or the program has published none yet: the join is refused. On the signaling
     * socket it is the {@code error} code of the join's reply.
     */
    CONSENT_REQUIRED(409, "Accept the program's current consent texts before joining"),
    /** The text accepted is not the current version of its kind any more (a newer one was published). */
    CONSENT_VERSION_STALE(409, "A newer version of this text has been published"),
    /** Nothing to withdraw: the patient has no acceptance in force for that program (and kind). */
    CONSENT_NOT_GIVEN(409, "There is no consent in force to withdraw"),

    /** Something failed on our side; details are in the server log under the problem's {@code instance}. */
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
