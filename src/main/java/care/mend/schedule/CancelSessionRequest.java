package care.mend.schedule;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CancelSessionRequest(@NotBlank @Size(max = GroupSession.REASON_MAX) @PlainText String reason) {
}
