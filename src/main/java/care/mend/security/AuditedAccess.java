package care.mend.security;

import java.util.Objects;
import java.util.UUID;

/**
 * What a caller tried to read, as the access log records it.
 *
 * @param action       a stable verb such as {@code READ_PATIENT} or {@code LIST_ENROLLMENTS}
 * @param resourceType the kind of record ({@code patient}, {@code enrollment}, ...)
 * @param resourceId   the record's id, or null for a listing
 * @param patientId    the patient whose data it is, when there is exactly one
 */
public record AuditedAccess(String action, String resourceType, String resourceId, UUID patientId) {

    public AuditedAccess {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
    }

    public static AuditedAccess read(String resourceType, UUID resourceId, UUID patientId) {
        return new AuditedAccess("READ_" + resourceType.toUpperCase(java.util.Locale.ROOT), resourceType,
                resourceId == null ? null : resourceId.toString(), patientId);
    }

    public static AuditedAccess list(String resourceType, UUID patientId) {
        return new AuditedAccess("LIST_" + resourceType.toUpperCase(java.util.Locale.ROOT), resourceType, null,
                patientId);
    }
}
