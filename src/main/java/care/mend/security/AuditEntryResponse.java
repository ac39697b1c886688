package care.mend.security;

import java.time.Instant;
import java.util.UUID;

/** One access-log line as supervisors read it. */
public record AuditEntryResponse(UUID id, Instant occurredAt, String actorSubject, String actorRoles, String action,
                                 String resourceType, String resourceId, UUID patientId, AccessOutcome outcome,
                                 String remoteAddress) {

    static AuditEntryResponse from(AccessAuditEntry entry) {
        return new AuditEntryResponse(entry.id(), entry.occurredAt(), entry.actorSubject(), entry.actorRoles(),
                entry.action(), entry.resourceType(), entry.resourceId(), entry.patientId(), entry.outcome(),
                entry.remoteAddress());
    }
}
