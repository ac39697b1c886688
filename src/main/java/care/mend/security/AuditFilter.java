package care.mend.security;

import java.time.Instant;
import java.util.UUID;

/**
 * The access log's filters; any may be null.
 *
 * @param personId     who acted: their staff or patient record id
 * @param actorSubject who acted: their identity-provider subject (for callers without a Mend record)
 * @param patientId    the patient concerned: the row's patient, or one whose data the request returned
 * @param action       what was done
 * @param outcome      allowed or refused
 * @param siteId       a site the request touched
 * @param from         from this instant, inclusive
 * @param to           before this instant
 */
public record AuditFilter(UUID personId, String actorSubject, UUID patientId, AuditAction action,
                          AccessOutcome outcome, UUID siteId, Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null, null);
}
