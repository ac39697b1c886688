package care.mend.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How far one caller's sight extends, computed once per request from their roles and links: everything (admins),
 * or the sites they supervise, the groups they facilitate, and their own patient record with the groups they
 * belong or belonged to.
 *
 * @param everything       true for admins: no restriction
 * @param supervisedSites  sites whose records the caller reads as a supervisor
 * @param facilitatedGroups groups the caller facilitates
 * @param ownPatientId     the caller's own patient record, if they are a patient
 * @param ownGroups        groups the caller is or was a member of, as a patient
 */
public record Reach(boolean everything, Set<UUID> supervisedSites, Set<UUID> facilitatedGroups,
                    Optional<UUID> ownPatientId, Set<UUID> ownGroups) {

    public Reach {
        supervisedSites = Set.copyOf(supervisedSites);
        facilitatedGroups = Set.copyOf(facilitatedGroups);
        ownGroups = Set.copyOf(ownGroups);
    }

    static Reach unlimited() {
        return new Reach(true, Set.of(), Set.of(), Optional.empty(), Set.of());
    }
}
