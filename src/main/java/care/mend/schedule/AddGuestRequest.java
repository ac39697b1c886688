package care.mend.schedule;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A make-up guest for a session.
 *
 * @param enrollmentId the enrollment the session counts toward; may be left out when the patient is enrolled in one
 *                     program only
 */
public record AddGuestRequest(@NotNull UUID patientId, UUID enrollmentId,
                              @NotBlank @Size(max = GroupSession.REASON_MAX) @PlainText String reason) {
}
