package care.mend.attendance;

import care.mend.schedule.GroupSession;
import care.mend.schedule.WeeklySchedule;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What lies ahead of a patient in one group, for the projected completion ({@link ProgressCalculator}): the group's
 * weekly schedule, the days the patient belongs to it, and the group's sessions already stored from today on (a
 * stored session that was cancelled or not held will not take place; one stored at a slot the schedule no longer
 * has still will).
 *
 * @param firstDay the first day the patient may attend (membership and enrollment begun), in the group's zone
 * @param lastDay  the membership's last day, or null while it is open
 */
public record ScheduleAhead(WeeklySchedule schedule, LocalDate firstDay, LocalDate lastDay,
                            List<GroupSession> stored) {

    public ScheduleAhead {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(firstDay, "firstDay");
        stored = List.copyOf(stored);
    }
}
