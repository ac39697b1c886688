package care.mend.schedule;

import care.mend.platform.PlainText;
import care.mend.platform.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.List;

/**
 * A weekly schedule in requests and responses.
 *
 * @param timeZone a region id such as {@code America/Chicago}; in requests, absent means the site's zone (on
 *                 creation) or unchanged (on update)
 */
public record ScheduleBody(@Size(max = 64) @PlainText String timeZone,
                           @NotNull @Size(min = 1, max = WeeklySchedule.MAX_SLOTS) List<@NotNull @Valid SlotBody> slots) {

    ZoneId zoneOrNull() {
        return QueryParams.zone("schedule.timeZone", timeZone);
    }

    List<ScheduleSlot> domainSlots() {
        return slots.stream().map(SlotBody::toDomain).toList();
    }

    static ScheduleBody from(WeeklySchedule schedule) {
        return new ScheduleBody(schedule.zone().getId(), schedule.slots().stream().map(SlotBody::from).toList());
    }
}
