package care.mend.schedule;

import java.time.Instant;
import java.util.UUID;

/**
 * A make-up guest of a session, with the patient's display name and the program the session counts toward (names as
 * they are now).
 */
public record SessionGuestResponse(UUID id, UUID sessionId, UUID patientId, String patientDisplayName,
                                   UUID enrollmentId, UUID programId, String programName, String reason,
                                   Instant addedAt) {
}
