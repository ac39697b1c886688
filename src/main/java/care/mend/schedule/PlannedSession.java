package care.mend.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A session the schedule calls for, before it is stored.
 *
 * @param localDate      the day, in the group's zone
 * @param startLocalTime the slot's scheduled wall-clock time; with the group and the day it identifies the session
 * @param startsAt       the real start; its local time differs from {@code startLocalTime} only when the scheduled
 *                       time does not exist that day (spring-forward gap)
 * @param endsAt         {@code startsAt} plus the slot's length in elapsed minutes
 */
public record PlannedSession(LocalDate localDate, LocalTime startLocalTime, Instant startsAt, Instant endsAt,
                             ZoneId zone) {
}
