package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateStaffRequest(
        @NotBlank @Size(max = Patient.SUBJECT_MAX) @PlainText String idpSubject,
        @NotBlank @Size(max = StaffMember.DISPLAY_NAME_MAX) @PlainText String displayName) {
}
