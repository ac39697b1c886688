package care.mend.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How a program asks its patients to check in when they join a session (mood, craving, medication, a note to the
 * facilitator), and when the facilitator's round flags an answer. Part of the program's plan, changed with it.
 *
 * <p>Defaults ({@link #defaultFor}): on; craving asked in substance-use and dual-diagnosis programs only (it means
 * nothing to a patient who treats no substance use); a mood of 3 or less out of 10 is low, a craving of 7 or more
 * out of 10 is high. Both scales are the patient's own 0–10 rating, so the thresholds are clinical judgement, not
 * norms: a program sets them to what its clinicians want to see first.
 *
 * @param enabled            whether patients are offered the check-in before the waiting room
 * @param asksCraving        whether it asks for craving (0–10)
 * @param lowMoodAtMost      a mood at or below this (0–10) is flagged low
 * @param highCravingAtLeast a craving at or above this (0–10) is flagged high
 */
@Embeddable
public record CheckInPlan(
        @Column(name = "check_in_enabled", nullable = false) boolean enabled,
        @Column(name = "check_in_asks_craving", nullable = false) boolean asksCraving,
        @Column(name = "check_in_low_mood_at_most", nullable = false) int lowMoodAtMost,
        @Column(name = "check_in_high_craving_at_least", nullable = false) int highCravingAtLeast) {

    public static final int SCALE_MAX = 10;
    public static final int DEFAULT_LOW_MOOD_AT_MOST = 3;
    public static final int DEFAULT_HIGH_CRAVING_AT_LEAST = 7;

    public CheckInPlan {
        Checks.range("checkInLowMoodAtMost", lowMoodAtMost, 0, SCALE_MAX);
        Checks.range("checkInHighCravingAtLeast", highCravingAtLeast, 0, SCALE_MAX);
    }

    /** The defaults above for a program of this kind. */
    public static CheckInPlan defaultFor(ProgramKind kind) {
        return new CheckInPlan(true, kind != ProgramKind.MENTAL_HEALTH_IOP, DEFAULT_LOW_MOOD_AT_MOST,
                DEFAULT_HIGH_CRAVING_AT_LEAST);
    }
}
