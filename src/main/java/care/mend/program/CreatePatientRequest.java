package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param idpSubject the Keycloak user's {@code sub}; links the patient to a login, unique */
public record CreatePatientRequest(
        @NotBlank @Size(max = Patient.SUBJECT_MAX) @PlainText String idpSubject,
        @NotBlank @Size(max = Patient.DISPLAY_NAME_MAX) @PlainText String displayName,
        @NotNull @Valid EmergencyContactBody emergencyContact) {
}
