package care.mend.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Expands a weekly schedule into dated sessions. A pure function: no clock, no database, no container.
 *
 * <p>Local time rules, as {@link ZonedDateTime#of} resolves them:
 * <ul>
 *   <li>A session keeps its local wall-clock time across daylight-saving changes: 18:00 in Chicago is 23:00 UTC in
 *       summer and 00:00 UTC (next day) in winter.</li>
 *   <li>A start time inside the spring-forward gap (02:00 to 03:00 on the second Sunday of March in Chicago) does not
 *       exist; the session moves forward by the length of the gap (02:30 becomes 03:30 daylight time).</li>
 *   <li>A start time inside the fall-back overlap (01:00 to 02:00 on the first Sunday of November) happens twice;
 *       the session takes the earlier one (daylight time).</li>
 *   <li>A session lasts its length in elapsed minutes, even across a change: its end is not a wall-clock time.</li>
 * </ul>
 */
public final class SessionScheduler {

    private SessionScheduler() {
    }

    /**
     * One session at a local day and wall-clock time in a zone, by the rules above: the one place a local time
     * becomes an instant, for the weekly pattern and for one-off, make-up and moved sessions alike.
     */
    public static PlannedSession plan(LocalDate day, LocalTime startTime, int lengthMinutes, ZoneId zone) {
        Instant startsAt = ZonedDateTime.of(day, startTime, zone).toInstant();
        return new PlannedSession(day, startTime, startsAt, startsAt.plus(Duration.ofMinutes(lengthMinutes)), zone);
    }

    /**
     * The sessions on every day from {@code from} through {@code to}, both inclusive, ordered by start.
     * Each (day, slot start time) appears once, because a schedule's slots never overlap.
     */
    public static List<PlannedSession> expand(WeeklySchedule schedule, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
        List<PlannedSession> sessions = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (ScheduleSlot slot : schedule.slots()) {
                if (slot.dayOfWeek() == day.getDayOfWeek()) {
                    sessions.add(plan(day, slot.startTime(), slot.lengthMinutes(), schedule.zone()));
                }
            }
        }
        sessions.sort(Comparator.comparing(PlannedSession::startsAt));
        return List.copyOf(sessions);
    }
}
