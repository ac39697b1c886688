package care.mend.program;

/** What an Intensive Outpatient Program treats. */
public enum ProgramKind {
    MENTAL_HEALTH_IOP,
    SUBSTANCE_USE_IOP,
    /** Co-occurring mental illness and substance use, treated together. */
    DUAL_DIAGNOSIS
}
