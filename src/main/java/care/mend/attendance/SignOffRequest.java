package care.mend.attendance;

import care.mend.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Body of a sign-off: the patients the facilitator excuses, each with a reason. */
public record SignOffRequest(@Size(max = 12) List<@NotNull @Valid Excuse> excused) {

    public record Excuse(@NotNull UUID patientId, @NotBlank @Size(max = 300) @PlainText String reason) {
    }
}
