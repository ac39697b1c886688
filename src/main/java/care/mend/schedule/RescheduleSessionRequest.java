package care.mend.schedule;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;

/** Where a session moves, in the group's zone: what is left out stays as it is (at least one is given). */
public record RescheduleSessionRequest(LocalDate date, LocalTime startTime,
                                       @Min(ScheduleSlot.MIN_LENGTH_MINUTES)
                                       @Max(ScheduleSlot.MAX_LENGTH_MINUTES) Integer lengthMinutes,
                                       @NotBlank @Size(max = GroupSession.REASON_MAX) @PlainText String reason) {
}
