package care.mend.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * Where one enrollment stands against its program.
 *
 * @param creditedSessions      sessions that earned credit so far
 * @param requiredSessions      the program's requirement
 * @param remainingSessions     credited sessions still needed
 * @param weeks                 each week with sessions so far: minutes attended against the program's weekly minimum
 * @param consecutiveAbsences   absences in a row up to the latest session (excused sessions neither count nor break it)
 * @param absenceFlag           true when the consecutive absences reach the flag threshold
 * @param projectedCompletion   the day of the session that would complete the program if every remaining scheduled
 *                              session is credited; null when the known schedule has too few sessions
 */
public record ProgramProgress(int creditedSessions, int requiredSessions, int remainingSessions,
                              List<WeekFigures> weeks, int consecutiveAbsences, boolean absenceFlag,
                              LocalDate projectedCompletion) {

    public ProgramProgress {
        weeks = List.copyOf(weeks);
    }

    /** One week (Monday to Sunday in the group's zone) of attendance. */
    public record WeekFigures(LocalDate monday, long minutesAttended, long minimumMinutes, boolean belowMinimum) {
    }
}
