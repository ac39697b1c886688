package care.mend.consent;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.UUID;

/**
 * For unit tests whose patients join a room: the program's texts published (version 1 of each kind, unless some
 * are) and accepted by the patients, through the real service, so that the join's consent rule is met.
 */
public final class ConsentFixture {

    private ConsentFixture() {
    }

    /** Publishes what the program lacks and has every patient accept the current texts. Call it in a transaction. */
    public static void acceptAll(EntityManager em, Clock clock, UUID programId, UUID... patients) {
        Consents consents = new Consents(em, clock);
        publishAll(consents, programId);
        for (UUID patient : patients) {
            for (ConsentText text : consents.current(programId)) {
                consents.accept(patient, text.id(), text.version(), "sub-patient-" + patient);
            }
        }
    }

    /** Version 1 of each kind the program has not published yet. */
    public static void publishAll(Consents consents, UUID programId) {
        for (ConsentKind kind : ConsentKind.values()) {
            if (consents.current(programId).stream().noneMatch(t -> t.kind() == kind)) {
                consents.publish(programId, kind, "Test " + kind, "A synthetic text of " + kind + ".", "sub-admin");
            }
        }
    }
}
