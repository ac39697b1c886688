package care.mend.room;

import java.time.Instant;
import java.util.Objects;

/**
 * A patient seated by a facilitator: who, by whom, when, and, for a patient outside licensure, the facilitator's
 * reason for admitting them anyway. The room decides; the caller records an override ({@link #overridden()}), which
 * the room, holding no database, cannot.
 *
 * @param patientSubject     the admitted patient
 * @param facilitatorSubject who admitted them
 * @param overrideReason     why they were admitted although outside licensure; null for a plain admission
 * @param at                 when (the room's clock)
 */
public record Admission(String patientSubject, String facilitatorSubject, String overrideReason, Instant at) {

    public Admission {
        Objects.requireNonNull(patientSubject, "patientSubject");
        Objects.requireNonNull(facilitatorSubject, "facilitatorSubject");
        Objects.requireNonNull(at, "at");
    }

    static Admission plain(String patient, String facilitator, Instant at) {
        return new Admission(patient, facilitator, null, at);
    }

    static Admission overridden(String patient, String facilitator, String reason, Instant at) {
        return new Admission(patient, facilitator, Objects.requireNonNull(reason, "reason"), at);
    }

    /** Admitted although outside licensure: the override must be recorded. */
    public boolean overridden() {
        return overrideReason != null;
    }

    /** The reason is clinical documentation: it stays out of logs. */
    @Override
    public String toString() {
        return "Admission[" + (overridden() ? "outside licensure" : "plain") + ", " + at + "]";
    }
}
