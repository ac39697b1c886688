package care.mend.checkin;

/** "Did you take your medication today?" as the patient answers it. */
public enum MedicationAnswer {
    TAKEN,
    NOT_TAKEN,
    /** The patient has no medication prescribed: neither taken nor missed. */
    NOT_PRESCRIBED
}
