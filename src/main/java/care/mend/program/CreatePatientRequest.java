package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param idpSubject the Keycloak user's {@code sub}; links the patient to a login, unique
 * @param chosenName the name the group sees in a room (a first name or one the patient picks); optional: absent,
 *                   it is the display name's first word. Not blank when given.
 * @param email      the patient's e-mail address; optional (absent or blank: none)
 */
public record CreatePatientRequest(
        @NotBlank @Size(max = Patient.SUBJECT_MAX) @PlainText String idpSubject,
        @NotBlank @Size(max = Patient.DISPLAY_NAME_MAX) @PlainText String displayName,
        @Size(min = 1, max = Patient.CHOSEN_NAME_MAX) @PlainText String chosenName,
        @NotNull @Valid EmergencyContactBody emergencyContact,
        @Email @Size(max = Patient.EMAIL_MAX) @PlainText String email) {
}
