package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The changeable state of a patient; the subject never changes.
 *
 * @param chosenName the name the group sees; absent keeps the current one (which the patient may have chosen)
 * @param email      the e-mail address; absent (null) keeps the current one, blank removes it
 */
public record UpdatePatientRequest(
        @NotBlank @Size(max = Patient.DISPLAY_NAME_MAX) @PlainText String displayName,
        @Size(min = 1, max = Patient.CHOSEN_NAME_MAX) @PlainText String chosenName,
        @NotNull @Valid EmergencyContactBody emergencyContact,
        @Email @Size(max = Patient.EMAIL_MAX) @PlainText String email) {
}
