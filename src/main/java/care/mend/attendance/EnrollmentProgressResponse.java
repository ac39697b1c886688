package care.mend.attendance;

import care.mend.program.EnrollmentStatus;
import java.util.UUID;

/**
 * One enrollment's progress in a program-wide listing (the supervisor's chart), with the patient's display name as it
 * is today.
 */
public record EnrollmentProgressResponse(UUID enrollmentId, UUID patientId, String patientDisplayName,
                                         EnrollmentStatus status, ProgramProgress progress) {
}
