package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The changeable state of a patient; the subject never changes. */
public record UpdatePatientRequest(
        @NotBlank @Size(max = Patient.DISPLAY_NAME_MAX) @PlainText String displayName,
        @NotNull @Valid EmergencyContactBody emergencyContact) {
}
