package care.mend.schedule;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Both days inclusive, in the group's zone; at most 180 days. */
public record GenerateSessionsRequest(@NotNull LocalDate from, @NotNull LocalDate to) {
}
