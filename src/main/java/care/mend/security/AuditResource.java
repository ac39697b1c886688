package care.mend.security;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.QueryParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The access audit log, read-only: there is no write, update or delete endpoint, by design. Supervisors see the rows
 * that touched their sites (with or without a patient: reports, exports, refusals); admins see all. Names are
 * resolved as the log is read ({@link AccessLogReader}).
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read, exported, signed or amended which patient's data, allowed or denied")
public class AuditResource {

    @Inject
    AccessPolicy access;

    @Inject
    AccessLogReader log;

    @GET
    @ReadAccess(ReadAccess.Rule.AUDIT_READER)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List access-log rows, newest first, by person, patient, action, outcome, site and time",
            description = "personId: the staff or patient record of who acted; patientId: the row's patient or one"
                    + " whose data the request returned; from (inclusive) and to (exclusive): ISO-8601 instants."
                    + " Each row carries the person's and patient's display names as they are now.")
    public Page<AuditEntryResponse> list(@QueryParam("personId") String personId,
                                         @QueryParam("actorSubject") String actorSubject,
                                         @QueryParam("patientId") String patientId,
                                         @QueryParam("action") String action,
                                         @QueryParam("outcome") String outcome,
                                         @QueryParam("siteId") String siteId,
                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                         @BeanParam @Valid PageRequest page) {
        AuditFilter filter = new AuditFilter(QueryParams.uuid("personId", personId),
                actorSubject == null || actorSubject.isBlank() ? null : actorSubject.strip(),
                QueryParams.uuid("patientId", patientId), QueryParams.enumValue("action", action, AuditAction.class),
                QueryParams.enumValue("outcome", outcome, AccessOutcome.class), QueryParams.uuid("siteId", siteId),
                instant("from", from), instant("to", to));
        access.requireAuditReader();
        return log.list(filter, access.auditVisibility(), page);
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
