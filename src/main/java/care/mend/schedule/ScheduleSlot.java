package care.mend.schedule;

import care.mend.platform.problem.MendException;
import care.mend.program.Checks;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One weekly meeting of a group, in the group's local time: for example Monday 18:00 for 180 minutes.
 *
 * @param startTime     local wall-clock time, whole minutes
 * @param lengthMinutes 30 to 360
 */
@Embeddable
public record ScheduleSlot(
        @Enumerated(EnumType.STRING) @Column(name = "day_of_week", nullable = false, length = 9) DayOfWeek dayOfWeek,
        @Column(name = "start_time", nullable = false) LocalTime startTime,
        @Column(name = "length_minutes", nullable = false) int lengthMinutes) implements Comparable<ScheduleSlot> {

    /** The shortest and longest session Mend schedules, weekly or one-off. */
    public static final int MIN_LENGTH_MINUTES = 30;
    public static final int MAX_LENGTH_MINUTES = 360;

    private static final int MINUTES_PER_WEEK = 7 * 24 * 60;

    public ScheduleSlot {
        Checks.required("dayOfWeek", dayOfWeek);
        Checks.required("startTime", startTime);
        if (startTime.getSecond() != 0 || startTime.getNano() != 0) {
            throw MendException.invalidField("startTime", "must be a whole minute");
        }
        Checks.range("lengthMinutes", lengthMinutes, MIN_LENGTH_MINUTES, MAX_LENGTH_MINUTES);
    }

    /** Minutes from Monday 00:00 to the start of this slot. */
    int startOfWeekMinute() {
        return (dayOfWeek.getValue() - 1) * 24 * 60 + startTime.getHour() * 60 + startTime.getMinute();
    }

    /**
     * Whether the two slots share any minute of the week, counting a slot that runs past midnight (or past Sunday
     * night into Monday) into the next day.
     */
    boolean overlaps(ScheduleSlot other) {
        int start = startOfWeekMinute();
        int end = start + lengthMinutes;
        for (int shift : new int[] {-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK}) {
            int otherStart = other.startOfWeekMinute() + shift;
            int otherEnd = otherStart + other.lengthMinutes;
            if (start < otherEnd && otherStart < end) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int compareTo(ScheduleSlot other) {
        return Integer.compare(startOfWeekMinute(), other.startOfWeekMinute());
    }
}
