package care.mend.security;

import java.time.Instant;
import java.util.UUID;

/**
 * One access-log row as supervisors and admins read it: the person and the patient by id with their display names
 * as they are now (resolved when the log is read; a patient the reader may not see is given without a name), the
 * action, the outcome, when, and the scope.
 *
 * @param action             an {@link AuditAction} name
 * @param actorStaffId       the staff record of who acted, if they have one
 * @param actorPatientId     the patient record of who acted, if they are a patient
 * @param actorDisplayName   who acted, by their current display name; null when unknown or not for this reader
 * @param actorSubject       who acted, by identity-provider subject
 * @param actorRoles         their Mend roles at the time, comma-separated
 * @param patientId          the patient concerned, when there is exactly one
 * @param patientDisplayName their current display name; null when not for this reader
 * @param patientCount       how many patients' data the response carried (a report's, a sheet's, a listing's)
 * @param siteName           the scope's site, by its current name
 * @param filter             the rest of a report's or listing's filter (facilitator, dates, status)
 */
public record AuditEntryResponse(UUID id, Instant occurredAt, String action, AccessOutcome outcome,
                                 UUID actorStaffId, UUID actorPatientId, String actorDisplayName,
                                 String actorSubject, String actorRoles, UUID patientId, String patientDisplayName,
                                 int patientCount, UUID sessionId, UUID groupId, UUID programId, UUID siteId,
                                 String siteName, String filter, String resourceType, String resourceId,
                                 String remoteAddress) {
}
