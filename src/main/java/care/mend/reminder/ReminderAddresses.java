package care.mend.reminder;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a patient's reminders go: their e-mail address, if their record has one. A port, so that the rules and their
 * tests need no particular patient record; the server's implementation reads the patient's record.
 */
public interface ReminderAddresses {

    /** The patient's e-mail address; empty when the record has none (then no reminder is sent). */
    Optional<String> of(UUID patientId);
}
