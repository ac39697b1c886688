package care.mend.security;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.JpaListing;
import care.mend.platform.QueryParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The access audit log, read-only: there is no write, update or delete endpoint, by design. Supervisors see the
 * entries about patients of their sites; admins see all.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read which patient's records, allowed or denied")
public class AuditResource {

    @Inject
    AccessPolicy access;

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List access-log entries, newest first, by patient, actor, outcome and time range")
    public Page<AuditEntryResponse> list(@QueryParam("patientId") String patientId,
                                         @QueryParam("actorSubject") String actorSubject,
                                         @QueryParam("outcome") String outcome,
                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                         @BeanParam @Valid PageRequest page) {
        access.requireAuditReader();
        Set<UUID> visible = access.visibleAuditPatients().orElse(null);
        return JpaListing.of(AccessAuditEntry.class, "a")
                .filter("a.patientId = :patient", "patient", QueryParams.uuid("patientId", patientId))
                .filter("a.actorSubject = :actor", "actor", actorSubject == null || actorSubject.isBlank()
                        ? null : actorSubject.strip())
                .filter("a.outcome = :outcome", "outcome",
                        QueryParams.enumValue("outcome", outcome, AccessOutcome.class))
                .filter("a.occurredAt >= :from", "from", instant("from", from))
                .filter("a.occurredAt < :to", "to", instant("to", to))
                .within("a.patientId", "visible", visible)
                .page(em, "a.occurredAt desc, a.id", page)
                .map(AuditEntryResponse::from);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw care.mend.platform.problem.MendException.invalidField(name, "must be an ISO-8601 instant");
        }
    }
}
