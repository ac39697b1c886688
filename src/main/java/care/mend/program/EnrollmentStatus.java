package care.mend.program;

/** Where an enrollment stands. ENROLLED is the only open status; the other three end the enrollment for good. */
public enum EnrollmentStatus {
    ENROLLED,
    /** The patient finished the program. */
    COMPLETED,
    /** The clinic ended the enrollment (step up or down in care, non-attendance, ...). */
    DISCHARGED,
    /** The patient left. */
    WITHDRAWN;

    public boolean isTerminal() {
        return this != ENROLLED;
    }
}
