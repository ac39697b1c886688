package care.mend.schedule;

import static care.mend.MendAssertions.assertInvalidField;
import static care.mend.MendAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.platform.problem.ProblemCode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static ScheduleSlot slot(DayOfWeek day, int hour, int minute, int length) {
        return new ScheduleSlot(day, LocalTime.of(hour, minute), length);
    }

    @Test
    void slotsAreKeptInWeekOrder() {
        WeeklySchedule s = new WeeklySchedule(CHICAGO, List.of(slot(DayOfWeek.THURSDAY, 18, 0, 180),
                slot(DayOfWeek.MONDAY, 18, 0, 180), slot(DayOfWeek.WEDNESDAY, 9, 0, 180)));
        assertThat(s.slots()).extracting(ScheduleSlot::dayOfWeek)
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    }

    @Test
    void slotsNeverOverlap() {
        assertRefused(() -> new WeeklySchedule(CHICAGO, List.of(slot(DayOfWeek.MONDAY, 18, 0, 180),
                slot(DayOfWeek.MONDAY, 18, 0, 180))), ProblemCode.SCHEDULE_CONFLICT);
        assertRefused(() -> new WeeklySchedule(CHICAGO, List.of(slot(DayOfWeek.MONDAY, 9, 0, 180),
                slot(DayOfWeek.MONDAY, 11, 59, 60))), ProblemCode.SCHEDULE_CONFLICT);
        // Past midnight into the next day, and past Sunday night into Monday.
        assertRefused(() -> new WeeklySchedule(CHICAGO, List.of(slot(DayOfWeek.MONDAY, 23, 0, 180),
                slot(DayOfWeek.TUESDAY, 1, 0, 60))), ProblemCode.SCHEDULE_CONFLICT);
        assertRefused(() -> new WeeklySchedule(CHICAGO, List.of(slot(DayOfWeek.SUNDAY, 23, 0, 180),
                slot(DayOfWeek.MONDAY, 1, 0, 60))), ProblemCode.SCHEDULE_CONFLICT);
        // Back to back is fine.
        assertThat(new WeeklySchedule(CHICAGO, List.of(slot(DayOfWeek.MONDAY, 9, 0, 180),
                slot(DayOfWeek.MONDAY, 12, 0, 180))).slots()).hasSize(2);
    }

    @Test
    void slotsAndZoneAreChecked() {
        assertInvalidField(() -> new WeeklySchedule(CHICAGO, List.of()), "schedule.slots");
        assertInvalidField(() -> new WeeklySchedule(null, List.of(slot(DayOfWeek.MONDAY, 9, 0, 60))),
                "schedule.timeZone");
        assertInvalidField(() -> slot(DayOfWeek.MONDAY, 9, 0, 29), "lengthMinutes");
        assertInvalidField(() -> slot(DayOfWeek.MONDAY, 9, 0, 361), "lengthMinutes");
        assertInvalidField(() -> new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(9, 0, 30), 60), "startTime");
        assertInvalidField(() -> new ScheduleSlot(null, LocalTime.of(9, 0), 60), "dayOfWeek");
    }
}
