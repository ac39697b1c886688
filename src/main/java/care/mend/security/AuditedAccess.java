package care.mend.security;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What a caller asked for, as the access log records it: the action, the record asked for, and the scope the request
 * covered. Ids only: names are resolved when the log is read.
 *
 * @param action       what the request does
 * @param resourceType the kind of record ({@code patient}, {@code session}, {@code report}, ...)
 * @param resourceId   the record's id, or null for a listing or a report
 * @param patientId    the patient concerned, when there is exactly one (a patient's record, a report filtered to one)
 * @param sessionId    the group session, when the request is about one
 * @param groupId      the therapy group, when the request is about one (or filtered to one)
 * @param programId    the program, when the request is about one (or filtered to one)
 * @param siteId       the site, when the request is about one (or filtered to one)
 * @param filter       the rest of a report's or listing's filter as a query string of ids and dates, or null
 */
public record AuditedAccess(AuditAction action, String resourceType, String resourceId, UUID patientId,
                            UUID sessionId, UUID groupId, UUID programId, UUID siteId, String filter) {

    /** The longest filter stored (the column's width). */
    public static final int FILTER_MAX = 500;

    public AuditedAccess {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        if (filter != null && filter.isBlank()) {
            filter = null;
        } else if (filter != null && filter.length() > FILTER_MAX) {
            filter = filter.substring(0, FILTER_MAX);
        }
    }

    /** A request about one record ({@code resourceId} may be null for a listing or a report). */
    public static AuditedAccess of(AuditAction action, String resourceType, UUID resourceId) {
        return new AuditedAccess(action, resourceType.toLowerCase(Locale.ROOT),
                resourceId == null ? null : resourceId.toString(), null, null, null, null, null, null);
    }

    public AuditedAccess patient(UUID id) {
        return new AuditedAccess(action, resourceType, resourceId, id, sessionId, groupId, programId, siteId, filter);
    }

    public AuditedAccess session(UUID id) {
        return new AuditedAccess(action, resourceType, resourceId, patientId, id, groupId, programId, siteId, filter);
    }

    public AuditedAccess group(UUID id) {
        return new AuditedAccess(action, resourceType, resourceId, patientId, sessionId, id, programId, siteId, filter);
    }

    public AuditedAccess program(UUID id) {
        return new AuditedAccess(action, resourceType, resourceId, patientId, sessionId, groupId, id, siteId, filter);
    }

    public AuditedAccess site(UUID id) {
        return new AuditedAccess(action, resourceType, resourceId, patientId, sessionId, groupId, programId, id, filter);
    }

    /** The rest of the filter, e.g. {@code facilitatorId=...&from=2026-03-01&to=2026-03-31}; null or blank for none. */
    public AuditedAccess filter(String text) {
        return new AuditedAccess(action, resourceType, resourceId, patientId, sessionId, groupId, programId, siteId,
                text);
    }
}
