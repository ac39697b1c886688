package care.mend.schedule;

import care.mend.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/** A new group; its site is its program's site. {@code autoAdmit} defaults to false. */
public record CreateGroupRequest(
        @NotBlank @Size(max = TherapyGroup.NAME_MAX) @PlainText String name,
        @NotNull UUID programId,
        @NotNull @Min(TherapyGroup.MIN_CAPACITY) @Max(TherapyGroup.MAX_CAPACITY) Integer capacity,
        Boolean autoAdmit,
        @NotNull @Valid ScheduleBody schedule,
        @NotEmpty Set<@NotNull UUID> facilitatorIds) {
}
