package care.mend.schedule;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.Checks;
import java.time.ZoneId;
import java.util.List;

/**
 * When a group meets each week, in its own time zone: for example Monday, Wednesday and Thursday at 18:00
 * America/Chicago for 180 minutes. Slots are kept in week order and never overlap (a group can't be in two
 * sessions at once), so a (day, start time) pair names at most one slot.
 */
public record WeeklySchedule(ZoneId zone, List<ScheduleSlot> slots) {

    public static final int MAX_SLOTS = 14;

    public WeeklySchedule {
        Checks.required("schedule.timeZone", zone);
        Checks.required("schedule.slots", slots);
        if (slots.isEmpty() || slots.size() > MAX_SLOTS) {
            throw MendException.invalidField("schedule.slots", "must have 1 to " + MAX_SLOTS + " slots");
        }
        slots = slots.stream().sorted().toList();
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                if (slots.get(i).overlaps(slots.get(j))) {
                    throw MendException.rule(ProblemCode.SCHEDULE_CONFLICT, "Slots " + (i + 1) + " and " + (j + 1)
                            + " of the schedule (in week order) overlap");
                }
            }
        }
    }
}
