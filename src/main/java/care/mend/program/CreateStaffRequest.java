package care.mend.program;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateStaffRequest(
        @NotBlank @Size(max = Patient.SUBJECT_MAX) String idpSubject,
        @NotBlank @Size(max = StaffMember.DISPLAY_NAME_MAX) String displayName) {
}
