package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An emergency contact in requests and responses. */
public record EmergencyContactBody(
        @NotBlank @Size(max = EmergencyContact.NAME_MAX) @PlainText String name,
        @NotBlank @Size(max = EmergencyContact.PHONE_MAX)
        @Pattern(regexp = "\\+?[0-9 ()./-]{3,32}", message = "must be a phone number") @PlainText String phone) {

    public EmergencyContact toDomain() {
        return new EmergencyContact(name, phone);
    }

    public static EmergencyContactBody from(EmergencyContact contact) {
        return new EmergencyContactBody(contact.name(), contact.phone());
    }
}
