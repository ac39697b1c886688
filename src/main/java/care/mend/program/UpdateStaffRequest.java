package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record UpdateStaffRequest(
        @NotBlank @Size(max = StaffMember.DISPLAY_NAME_MAX) @PlainText String displayName,
        @NotNull Boolean active) {
}
