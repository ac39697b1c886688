package care.mend.schedule;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** Admits a patient to the group from {@code fromDate} on. */
public record CreateMembershipRequest(@NotNull UUID patientId, @NotNull LocalDate fromDate) {
}
