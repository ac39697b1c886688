package care.mend.schedule;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** One weekly slot in requests and responses: {@code {"dayOfWeek":"MONDAY","startTime":"18:00","lengthMinutes":180}}. */
public record SlotBody(@NotNull DayOfWeek dayOfWeek, @NotNull LocalTime startTime,
                       @NotNull @Min(30) @Max(360) Integer lengthMinutes) {

    ScheduleSlot toDomain() {
        return new ScheduleSlot(dayOfWeek, startTime, lengthMinutes);
    }

    static SlotBody from(ScheduleSlot slot) {
        return new SlotBody(slot.dayOfWeek(), slot.startTime(), slot.lengthMinutes());
    }
}
