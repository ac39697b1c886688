package care.mend.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What one allowed request returned, for the access log: the patients whose data it showed and the sites that data
 * belongs to. A report of 50 rows is one row of the log with these sets, not 50 rows.
 *
 * @param patients the patients whose data the response carried
 * @param sites    the sites of that data (empty: Mend works them out from the patients and the request's scope)
 */
public record Disclosure(Set<UUID> patients, Set<UUID> sites) {

    public static final Disclosure NOTHING = new Disclosure(Set.of(), Set.of());

    public Disclosure {
        patients = Set.copyOf(patients);
        sites = Set.copyOf(sites);
    }

    /** The data of these patients, at sites Mend works out from them. */
    public static Disclosure ofPatients(Collection<UUID> patients) {
        return new Disclosure(Set.copyOf(patients), Set.of());
    }

    /** The patients and sites of each item of a listing or report (nulls skipped). */
    public static <T> Disclosure ofItems(Collection<? extends T> items, Function<? super T, UUID> patient,
                                         Function<? super T, UUID> site) {
        Set<UUID> patients = new LinkedHashSet<>();
        Set<UUID> sites = new LinkedHashSet<>();
        for (T item : items) {
            UUID p = patient.apply(item);
            if (p != null) {
                patients.add(p);
            }
            UUID s = site == null ? null : site.apply(item);
            if (s != null) {
                sites.add(s);
            }
        }
        return new Disclosure(patients, sites);
    }
}
