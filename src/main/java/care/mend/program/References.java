package care.mend.program;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import java.util.Optional;
import java.util.UUID;

/**
 * How services resolve ids named in a request, consistently everywhere: an id that names nothing is
 * {@link ProblemCode#NOT_FOUND} (404) naming the kind; a record that exists but is inactive is
 * {@link ProblemCode#INACTIVE_REFERENCE} (409).
 */
public final class References {

    private References() {
    }

    public static <T> T require(Optional<T> found, String kind, UUID id) {
        return found.orElseThrow(() -> MendException.notFound(kind, id));
    }

    public static Site activeSite(Optional<Site> found, UUID id) {
        Site site = require(found, "site", id);
        if (!site.isActive()) {
            throw MendException.rule(ProblemCode.INACTIVE_REFERENCE, "Site " + id + " is inactive");
        }
        return site;
    }

    public static StaffMember activeStaff(Optional<StaffMember> found, UUID id) {
        StaffMember staff = require(found, "staff member", id);
        if (!staff.isActive()) {
            throw MendException.rule(ProblemCode.INACTIVE_REFERENCE, "Staff member " + id + " is inactive");
        }
        return staff;
    }
}
