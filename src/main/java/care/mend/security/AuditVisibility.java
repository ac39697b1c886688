package care.mend.security;

import java.util.Set;
import java.util.UUID;

/**
 * How much of the access log a supervisor reads: the rows that touched one of their sites (a report, an export, a
 * refusal, with or without a patient), rows written before V10 (which name no site) about patients they may see,
 * and the names of those patients only. Admins have no restriction.
 *
 * @param sites    the sites the reader supervises
 * @param patients the patients the reader may see (named in the rows; others are shown without a name)
 */
public record AuditVisibility(Set<UUID> sites, Set<UUID> patients) {

    public AuditVisibility {
        sites = Set.copyOf(sites);
        patients = Set.copyOf(patients);
    }
}
