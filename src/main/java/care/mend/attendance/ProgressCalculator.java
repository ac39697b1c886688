package care.mend.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Program progress from an enrollment's attended sessions and its remaining schedule. A pure function, like
 * {@link AttendanceCalculator}.
 */
public final class ProgressCalculator {

    /** Two absences in a row are the clinical flag: someone should reach out. */
    public static final int ABSENCE_FLAG = 2;

    private ProgressCalculator() {
    }

    /**
     * @param past                 the enrollment's sessions that have happened (any order)
     * @param upcoming             the days of its group's scheduled sessions still to come (any order)
     * @param requiredSessions     the program's required number of credited sessions
     * @param minimumWeeklyMinutes the program's weekly minimum (540 = 9 hours)
     */
    public static ProgramProgress calculate(Collection<AttendedSession> past, Collection<LocalDate> upcoming,
                                            int requiredSessions, long minimumWeeklyMinutes) {
        List<AttendedSession> sessions = new ArrayList<>(past);
        sessions.sort(Comparator.comparing(AttendedSession::day));
        int credited = (int) sessions.stream().filter(AttendedSession::credited).count();
        int remaining = Math.max(0, requiredSessions - credited);

        Map<LocalDate, Long> minutesByWeek = new TreeMap<>();
        for (AttendedSession session : sessions) {
            minutesByWeek.merge(mondayOf(session.day()), session.minutesPresent(), Long::sum);
        }
        List<ProgramProgress.WeekFigures> weeks = new ArrayList<>();
        minutesByWeek.forEach((monday, minutes) -> weeks.add(new ProgramProgress.WeekFigures(monday, minutes,
                minimumWeeklyMinutes, minutes < minimumWeeklyMinutes)));

        int absences = 0;
        for (int i = sessions.size() - 1; i >= 0; i--) {
            AttendanceStatus status = sessions.get(i).status();
            if (status == AttendanceStatus.EXCUSED) {
                continue;
            }
            if (status != AttendanceStatus.ABSENT) {
                break;
            }
            absences++;
        }

        LocalDate projected = null;
        if (remaining == 0) {
            projected = sessions.stream().filter(AttendedSession::credited).map(AttendedSession::day)
                    .skip(Math.max(0, requiredSessions - 1)).findFirst().orElse(null);
        } else {
            List<LocalDate> ahead = upcoming.stream().sorted().toList();
            if (ahead.size() >= remaining) {
                projected = ahead.get(remaining - 1);
            }
        }
        return new ProgramProgress(credited, requiredSessions, remaining, weeks, absences, absences >= ABSENCE_FLAG,
                projected);
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
