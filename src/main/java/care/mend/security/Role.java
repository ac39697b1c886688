package care.mend.security;

import java.util.Locale;
import java.util.Optional;

/** The realm roles Mend knows. Their names are the Keycloak realm role names. */
public enum Role {
    /** Manages sites, staff, patients, programs, groups and schedules. */
    ADMIN,
    /** Reads everything of their sites, including the access log; changes nothing clinical. */
    SUPERVISOR,
    /** Runs the groups they facilitate and sees those groups' patients. */
    FACILITATOR,
    /** Sees their own records and joins the rooms of their groups while enrolled. */
    PATIENT,
    /**
     * A script or an EHR integration (the service account of the realm's {@code mend-integration} client): reads the
     * attendance report and its CSV and FHIR exports, all sites, and nothing else; changes nothing.
     */
    INTEGRATION;

    public String realmRole() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofRealmRole(String name) {
        for (Role role : values()) {
            if (role.realmRole().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
