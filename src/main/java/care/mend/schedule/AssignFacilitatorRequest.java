package care.mend.schedule;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record AssignFacilitatorRequest(@NotNull UUID staffId) {
}
