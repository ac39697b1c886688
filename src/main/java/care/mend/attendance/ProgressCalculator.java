package care.mend.attendance;

import care.mend.schedule.GroupSession;
import care.mend.schedule.GroupSessionRepository.SlotKey;
import care.mend.schedule.GroupSessionStatus;
import care.mend.schedule.PlannedSession;
import care.mend.schedule.SessionScheduler;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Program progress from an enrollment's past sessions and the schedule ahead. A pure function, like
 * {@link AttendanceCalculator}.
 *
 * <p>Each past session counts as what it was ({@link AttendedSession#counted()}): attended and credited (toward the
 * required sessions), attended without credit, absent (against the patient: the absence run and its flag), excused,
 * cancelled or not held (these three neither count against the patient nor as attended: they neither lengthen nor
 * break a run of absences). Only sessions that were held add minutes to their week.
 *
 * <p><b>Projected completion</b>, the one statement of the rule:
 * <ul>
 *   <li>Requirement met: the day of the credited session that met it.</li>
 *   <li>Otherwise: the local day (in the group's zone) of the session at which the patient would reach the required
 *       sessions by attending every remaining scheduled session from now on. The remaining sessions are those of
 *       each group the patient still belongs to, from the later of today and the first day of membership through the
 *       membership's last day (if it has one): the group's weekly schedule expanded day by day
 *       ({@link SessionScheduler}, local times kept across daylight-saving changes), where a session already stored
 *       for a slot stands for it (a cancelled or not-held one will not take place; a scheduled or live one counts
 *       until its scheduled end), plus stored scheduled or live sessions at slots the schedule no longer has. The
 *       enrollment's planned end does not cut it short: a projection past it is what the team needs to see.</li>
 *   <li>The schedule is expanded only as far as needed, eight weeks at a time, and never more than
 *       {@link #HORIZON} ahead.</li>
 *   <li>Null when nothing lies ahead (no active enrollment, no membership still active, so no schedule), or when
 *       the horizon holds too few sessions (the group meets too rarely, or its sessions are all cancelled).</li>
 * </ul>
 */
public final class ProgressCalculator {

    /** Two absences in a row are the clinical flag: someone should reach out. */
    public static final int ABSENCE_FLAG = 2;

    /** How far ahead the projection looks at most. */
    public static final Period HORIZON = Period.ofYears(2);

    private static final int WINDOW_DAYS = 8 * 7;

    private ProgressCalculator() {
    }

    /**
     * @param past                 the enrollment's sessions that have happened or were called off (any order)
     * @param ahead                what lies ahead in each group the patient still belongs to; empty when nothing
     *                             does (no active enrollment or membership)
     * @param now                  the present instant
     * @param requiredSessions     the program's required number of credited sessions
     * @param minimumWeeklyMinutes the program's weekly minimum (540 = 9 hours)
     */
    public static ProgramProgress calculate(Collection<AttendedSession> past, List<ScheduleAhead> ahead, Instant now,
                                            int requiredSessions, long minimumWeeklyMinutes) {
        List<AttendedSession> sessions = new ArrayList<>(past);
        sessions.sort(Comparator.comparing(AttendedSession::day));
        Map<AttendedSession.Counted, Integer> counts = new EnumMap<>(AttendedSession.Counted.class);
        for (AttendedSession.Counted kind : AttendedSession.Counted.values()) {
            counts.put(kind, 0);
        }
        sessions.forEach(session -> counts.merge(session.counted(), 1, Integer::sum));
        int credited = counts.get(AttendedSession.Counted.CREDITED);
        int remaining = Math.max(0, requiredSessions - credited);

        Map<LocalDate, Long> minutesByWeek = new TreeMap<>();
        for (AttendedSession session : sessions) {
            if (session.held()) {
                minutesByWeek.merge(mondayOf(session.day()), session.minutesPresent(), Long::sum);
            }
        }
        List<ProgramProgress.WeekFigures> weeks = new ArrayList<>();
        minutesByWeek.forEach((monday, minutes) -> weeks.add(new ProgramProgress.WeekFigures(monday, minutes,
                minimumWeeklyMinutes, minutes < minimumWeeklyMinutes)));

        int absences = 0;
        for (int i = sessions.size() - 1; i >= 0; i--) {
            AttendedSession.Counted counted = sessions.get(i).counted();
            if (counted == AttendedSession.Counted.ABSENT) {
                absences++;
            } else if (counted != AttendedSession.Counted.EXCUSED && counted != AttendedSession.Counted.CANCELLED
                    && counted != AttendedSession.Counted.NOT_HELD) {
                break;
            }
        }

        LocalDate projected;
        if (remaining == 0) {
            projected = sessions.stream().filter(s -> s.counted() == AttendedSession.Counted.CREDITED)
                    .map(AttendedSession::day).skip(Math.max(0, requiredSessions - 1)).findFirst().orElse(null);
        } else {
            projected = nthSessionAhead(ahead, now, remaining);
        }
        return new ProgramProgress(credited, requiredSessions, remaining, weeks, absences, absences >= ABSENCE_FLAG,
                projected, credited + counts.get(AttendedSession.Counted.ATTENDED),
                counts.get(AttendedSession.Counted.ABSENT), counts.get(AttendedSession.Counted.EXCUSED),
                counts.get(AttendedSession.Counted.CANCELLED), counts.get(AttendedSession.Counted.NOT_HELD));
    }

    /** One session still to come: when it starts and its day in its group's zone. */
    private record Ahead(Instant startsAt, LocalDate day) {
    }

    /** The days one group's remaining sessions may fall on, and how far its schedule has been expanded. */
    private static final class Span {
        final ScheduleAhead group;
        final LocalDate first;
        final LocalDate last;
        final Set<SlotKey> storedSlots = new HashSet<>();
        LocalDate next;

        Span(ScheduleAhead group, LocalDate first, LocalDate last) {
            this.group = group;
            this.first = first;
            this.last = last;
            this.next = first;
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    /**
     * The local day of the {@code n}th session still to come (n from 1) across the groups, in start order; null if
     * the horizon holds fewer. See the class comment for the rule.
     */
    static LocalDate nthSessionAhead(List<ScheduleAhead> groups, Instant now, int n) {
        List<Span> spans = new ArrayList<>();
        List<Ahead> found = new ArrayList<>();
        for (ScheduleAhead group : groups) {
            LocalDate today = LocalDate.ofInstant(now, group.schedule().zone());
            LocalDate first = latest(today, group.firstDay());
            LocalDate last = today.plus(HORIZON);
            if (group.lastDay() != null && group.lastDay().isBefore(last)) {
                last = group.lastDay();
            }
            if (last.isBefore(first)) {
                continue;
            }
            Span span = new Span(group, first, last);
            spans.add(span);
            for (GroupSession stored : group.stored()) {
                // A moved occurrence stands for its pattern slot and for where it takes place now.
                stored.patternSlot().ifPresent(span.storedSlots::add);
                span.storedSlots.add(new SlotKey(stored.localDate(), stored.startLocalTime()));
                boolean takesPlace = stored.status() == GroupSessionStatus.SCHEDULED
                        || stored.status() == GroupSessionStatus.LIVE;
                if (takesPlace && stored.endsAt().isAfter(now) && span.covers(stored.localDate())) {
                    found.add(new Ahead(stored.startsAt(), stored.localDate()));
                }
            }
        }
        while (true) {
            // Every session starting before the frontier is known: stored ones all are, planned ones up to the
            // start of the first day not yet expanded in some group.
            Instant frontier = null;
            for (Span span : spans) {
                if (span.next.isAfter(span.last)) {
                    continue;
                }
                LocalDate to = span.next.plusDays(WINDOW_DAYS - 1);
                if (to.isAfter(span.last)) {
                    to = span.last;
                }
                for (PlannedSession planned : SessionScheduler.expand(span.group.schedule(), span.next, to)) {
                    if (!span.storedSlots.contains(new SlotKey(planned.localDate(), planned.startLocalTime()))
                            && planned.endsAt().isAfter(now)) {
                        found.add(new Ahead(planned.startsAt(), planned.localDate()));
                    }
                }
                span.next = to.plusDays(1);
                if (!span.next.isAfter(span.last)) {
                    Instant expandedUntil = span.next.atStartOfDay(span.group.schedule().zone()).toInstant();
                    frontier = frontier == null || expandedUntil.isBefore(frontier) ? expandedUntil : frontier;
                }
            }
            Instant known = frontier;
            List<Ahead> certain = found.stream().filter(a -> known == null || a.startsAt().isBefore(known))
                    .sorted(Comparator.comparing(Ahead::startsAt)).toList();
            if (certain.size() >= n) {
                return certain.get(n - 1).day();
            }
            if (frontier == null) {
                return null;
            }
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
