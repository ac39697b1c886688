package care.mend.program;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * The licensure rule, in one place: may the session's clinicians treat a patient where the patient says they are?
 * A patient is <em>outside licensure</em> when they stated a jurisdiction and it is in none of the licensed states of
 * the session's facilitators: a state none of them holds, or any place outside the US. Such a patient waits flagged,
 * and a facilitator admits them only "anyway", with a reason that goes on the record.
 *
 * <p>A patient who stated no jurisdiction (a client older than the question) is not flagged: there is nothing to
 * check, and the sheet shows the missing statement. Facilitators with no licensed states on record cover nothing.
 */
public final class Licensure {

    private Licensure() {
    }

    /**
     * @param stated       where the patient says they are; null when they did not say
     * @param facilitators each facilitator's licensed states (USPS codes)
     */
    public static boolean outsideLicensure(Jurisdiction stated, Collection<? extends Set<String>> facilitators) {
        Objects.requireNonNull(facilitators, "facilitators");
        if (stated == null) {
            return false;
        }
        if (!stated.inUs()) {
            return true;
        }
        return facilitators.stream().noneMatch(licensed -> licensed.contains(stated.usps()));
    }
}
