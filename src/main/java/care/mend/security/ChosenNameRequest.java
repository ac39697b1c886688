package care.mend.security;

import care.mend.platform.PlainText;
import care.mend.program.Patient;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param chosenName the name the group sees in a room: a first name or one the patient picks */
public record ChosenNameRequest(@NotBlank @Size(max = Patient.CHOSEN_NAME_MAX) @PlainText String chosenName) {
}
