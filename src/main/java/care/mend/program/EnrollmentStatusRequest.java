package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A status change: COMPLETED, DISCHARGED or WITHDRAWN (the only changes there are).
 *
 * @param effectiveDate the patient's last day in the program
 */
public record EnrollmentStatusRequest(
        @NotNull EnrollmentStatus status,
        @NotNull LocalDate effectiveDate,
        @NotBlank @Size(max = EnrollmentStatusChange.REASON_MAX) @PlainText String reason) {
}
