package care.mend.attendance;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of a correction of a signed attendance record. The rules it must keep are {@link AmendmentRules}'s.
 *
 * @param minutesByModality    how the minutes split, in the shape of the sheet's lines: {@code {"AUDIO_VIDEO": 100,
 *                             "AUDIO_ONLY": 50, "NONE": 0}}, adding up to {@code minutes}; required when the minutes
 *                             change, else the record's split stays (or is replaced, when given)
 * @param creditOverrideReason why the session is credited although its minutes are below the program's credit
 *                             minutes; only then
 */
public record AmendmentRequest(@NotNull AttendanceStatus status, @NotNull @Min(0) @Max(600) Integer minutes,
                               @NotNull Boolean credited,
                               @NotBlank @Size(max = AttendanceRecord.REASON_MAX) @PlainText String reason,
                               Map<@PlainText String, Integer> minutesByModality,
                               @Size(max = AttendanceRecord.REASON_MAX) @PlainText String creditOverrideReason) {

    // One constructor only: JSON-B (Yasson) binds a record through its canonical constructor when it has no other.

    AttendanceCorrection correction() {
        return new AttendanceCorrection(status, minutes, credited, AmendmentRules.splitOf(minutesByModality), reason,
                creditOverrideReason);
    }
}
