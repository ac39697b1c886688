package care.mend.checkin;

import care.mend.platform.PlainText;
import care.mend.program.CheckInPlan;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A patient's check-in for the session they are about to join.
 *
 * @param sessionId  the session
 * @param mood       how their mood is, 0 (worst) to 10 (best)
 * @param craving    how strong their craving is, 0 (none) to 10 (strongest); only where the program asks it
 * @param medication whether they took their medication today
 * @param note       a private note to the facilitator, one line, optional
 */
public record CheckInRequest(
        @NotNull UUID sessionId,
        @NotNull @Min(0) @Max(CheckInPlan.SCALE_MAX) Integer mood,
        @Min(0) @Max(CheckInPlan.SCALE_MAX) Integer craving,
        @NotNull MedicationAnswer medication,
        @Size(max = CheckIn.NOTE_MAX) @PlainText String note) {

    CheckIn.Answers answers() {
        return new CheckIn.Answers(mood, craving, medication, note);
    }
}
