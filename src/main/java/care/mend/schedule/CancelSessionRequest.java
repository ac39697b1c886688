package care.mend.schedule;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CancelSessionRequest(@NotBlank @Size(max = GroupSession.REASON_MAX) String reason) {
}
