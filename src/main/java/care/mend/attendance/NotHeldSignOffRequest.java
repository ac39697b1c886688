package care.mend.attendance;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of the sign-off of a session that was not held.
 *
 * @param reason why the session did not take place: plain text on one line, 1 to 300 characters
 */
public record NotHeldSignOffRequest(
        @NotBlank @Size(max = AttendanceSignOff.NOT_HELD_REASON_MAX) @PlainText String reason) {
}
