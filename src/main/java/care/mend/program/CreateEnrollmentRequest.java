package care.mend.program;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** @param plannedEndDate inclusive; open-ended when absent */
public record CreateEnrollmentRequest(@NotNull UUID patientId, @NotNull UUID programId, @NotNull LocalDate startDate,
                                      LocalDate plannedEndDate) {
}
