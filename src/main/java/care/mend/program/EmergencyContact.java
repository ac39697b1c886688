package care.mend.program;

import care.mend.platform.problem.MendException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Whom to call when a patient is in crisis during a remote session. Telehealth safety planning needs one for every
 * patient, so it is required.
 */
@Embeddable
public record EmergencyContact(
        @Column(name = "emergency_contact_name", nullable = false, length = EmergencyContact.NAME_MAX) String name,
        @Column(name = "emergency_contact_phone", nullable = false, length = EmergencyContact.PHONE_MAX) String phone) {

    public static final int NAME_MAX = 200;
    public static final int PHONE_MAX = 32;

    public EmergencyContact {
        name = Checks.text("emergencyContact.name", name, NAME_MAX);
        phone = Checks.text("emergencyContact.phone", phone, PHONE_MAX);
        if (!phone.matches("\\+?[0-9 ()./-]{3,32}")) {
            throw MendException.invalidField("emergencyContact.phone",
                    "must be a phone number: digits, spaces and + ( ) . / - only");
        }
    }
}
