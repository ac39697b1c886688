package care.mend.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * Where one enrollment stands against its program. How each session counts and how the completion is projected:
 * {@link ProgressCalculator}.
 *
 * @param creditedSessions      sessions that earned credit so far
 * @param requiredSessions      the program's requirement
 * @param remainingSessions     credited sessions still needed
 * @param weeks                 each week with sessions held so far: minutes attended against the program's weekly
 *                              minimum
 * @param consecutiveAbsences   absences in a row up to the latest session (excused, cancelled and not-held sessions
 *                              neither count nor break it)
 * @param absenceFlag           true when the consecutive absences reach the flag threshold
 * @param projectedCompletion   the day, in the group's zone, of the session that would complete the program if the
 *                              patient attends every remaining scheduled session; null when nothing lies ahead (no
 *                              active enrollment or membership) or two years of the schedule are not enough
 * @param attendedSessions      sessions held that the patient attended, credited or not
 * @param absentSessions        sessions held that the patient missed: these count against the patient
 * @param excusedSessions       sessions held from which a facilitator excused the patient
 * @param cancelledSessions     sessions called off beforehand: neither attended nor against the patient
 * @param notHeldSessions       sessions that did not take place: neither attended nor against the patient
 */
public record ProgramProgress(int creditedSessions, int requiredSessions, int remainingSessions,
                              List<WeekFigures> weeks, int consecutiveAbsences, boolean absenceFlag,
                              LocalDate projectedCompletion, int attendedSessions, int absentSessions,
                              int excusedSessions, int cancelledSessions, int notHeldSessions) {

    public ProgramProgress {
        weeks = List.copyOf(weeks);
    }

    /** One week (Monday to Sunday in the group's zone) of attendance. */
    public record WeekFigures(LocalDate monday, long minutesAttended, long minimumMinutes, boolean belowMinimum) {
    }
}
