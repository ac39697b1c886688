package care.mend.consent;

/** What a patient decided about one version of a text. */
public enum ConsentChoice {
    ACCEPTED,
    WITHDRAWN
}
