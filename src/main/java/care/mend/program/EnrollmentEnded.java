package care.mend.program;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Fired (synchronously, inside the transaction) when an enrollment reaches a terminal status, so that what depends on
 * the enrollment (group memberships) ends with it without the program package knowing about groups.
 *
 * @param effectiveDate the last day the patient took part in the program
 */
public record EnrollmentEnded(UUID enrollmentId, UUID patientId, UUID programId, EnrollmentStatus status,
                              LocalDate effectiveDate) {
}
