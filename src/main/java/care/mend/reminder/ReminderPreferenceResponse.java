package care.mend.reminder;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient's reminder choice.
 *
 * @param patientId   the patient
 * @param email       whether they get an e-mail before each session (false until someone chose otherwise)
 * @param hasAddress  whether their record has an e-mail address (without one nothing is sent, whatever the choice)
 * @param changedBy   who chose last, PATIENT or STAFF; null when nobody has chosen yet
 * @param changedAt   when; null when nobody has chosen yet
 * @param leadMinutes how long before a session's start the e-mail goes
 * @param sending     whether this server sends reminders at all (it does not without an SMTP server)
 */
public record ReminderPreferenceResponse(UUID patientId, boolean email, boolean hasAddress, String changedBy,
                                         Instant changedAt, long leadMinutes, boolean sending) {

    static ReminderPreferenceResponse of(UUID patientId, Reminders reminders, ReminderSettings settings) {
        var preference = reminders.preferenceOf(patientId);
        return new ReminderPreferenceResponse(patientId, preference.map(ReminderPreference::email).orElse(false),
                reminders.hasAddress(patientId), preference.map(p -> p.changedBy().name()).orElse(null),
                preference.map(ReminderPreference::changedAt).orElse(null), settings.lead().toMinutes(),
                settings.enabled());
    }
}
