package care.mend.consent;

/** The texts a program asks its patients to accept before they join a live session; every kind is required. */
public enum ConsentKind {
    /** Consent to treatment by telehealth: what it is, its risks, privacy, what happens in an emergency. */
    TELEHEALTH_CONSENT,
    /** The group agreement: confidentiality of what others share, conduct, no recording. */
    GROUP_AGREEMENT
}
