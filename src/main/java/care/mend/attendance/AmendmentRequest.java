package care.mend.attendance;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of a correction of a signed attendance record. */
public record AmendmentRequest(@NotNull AttendanceStatus status, @NotNull @Min(0) @Max(600) Integer minutes,
                               @NotNull Boolean credited,
                               @NotBlank @Size(max = AttendanceRecord.REASON_MAX) @PlainText String reason) {
}
