package care.mend.schedule;

import care.mend.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The changeable settings of a group. A new schedule applies to sessions generated from then on. */
public record UpdateGroupRequest(
        @NotBlank @Size(max = TherapyGroup.NAME_MAX) @PlainText String name,
        @NotNull @Min(TherapyGroup.MIN_CAPACITY) @Max(TherapyGroup.MAX_CAPACITY) Integer capacity,
        @NotNull Boolean autoAdmit,
        @NotNull @Valid ScheduleBody schedule) {
}
