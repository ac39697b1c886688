package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param idpSubject the Keycloak user's {@code sub}; links the patient to a login, unique. Optional when
 *                   {@code email} is given: Mend then makes the login (or links the user with that address) and
 *                   sends the invitation to set a password; one of the two is required
 * @param chosenName the name the group sees in a room (a first name or one the patient picks); optional: absent,
 *                   it is the display name's first word. Not blank when given.
 * @param email      the patient's e-mail address; optional (absent or blank: none)
 */
public record CreatePatientRequest(
        @Size(min = 1, max = Patient.SUBJECT_MAX) @PlainText String idpSubject,
        @NotBlank @Size(max = Patient.DISPLAY_NAME_MAX) @PlainText String displayName,
        @Size(min = 1, max = Patient.CHOSEN_NAME_MAX) @PlainText String chosenName,
        @NotNull @Valid EmergencyContactBody emergencyContact,
        @Email @Size(max = Patient.EMAIL_MAX) @PlainText String email) {
}
