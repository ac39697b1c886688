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
    PATIENT;

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
