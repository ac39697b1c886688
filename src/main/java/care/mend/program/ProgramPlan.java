package care.mend.program;

import care.mend.platform.problem.MendException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The dose of a program: how many sessions complete it and how its weeks are planned.
 *
 * <p>The weekly minimum is kept in whole minutes (default {@value #DEFAULT_MINIMUM_WEEKLY_MINUTES} = 9 hours, the
 * usual adult IOP floor): attendance is credited in minutes, so no decimal hours need rounding. The plan must be able
 * to reach its own minimum: sessions per week times session length is at least the weekly minimum.
 *
 * @param requiredSessions       sessions attended to complete the program, 20 to 40
 * @param plannedSessionsPerWeek 3 or 4
 * @param plannedSessionMinutes  length of one session, 60 to 300 (typically 180)
 * @param minimumWeeklyMinutes   the weekly attendance floor, 60 to 1200 minutes
 */
@Embeddable
public record ProgramPlan(
        @Column(name = "required_sessions", nullable = false) int requiredSessions,
        @Column(name = "planned_sessions_per_week", nullable = false) int plannedSessionsPerWeek,
        @Column(name = "planned_session_minutes", nullable = false) int plannedSessionMinutes,
        @Column(name = "minimum_weekly_minutes", nullable = false) int minimumWeeklyMinutes) {

    public static final int DEFAULT_MINIMUM_WEEKLY_MINUTES = 9 * 60;

    public ProgramPlan {
        Checks.range("requiredSessions", requiredSessions, 20, 40);
        Checks.range("plannedSessionsPerWeek", plannedSessionsPerWeek, 3, 4);
        Checks.range("plannedSessionMinutes", plannedSessionMinutes, 60, 300);
        Checks.range("minimumWeeklyMinutes", minimumWeeklyMinutes, 60, 1200);
        if (plannedSessionsPerWeek * plannedSessionMinutes < minimumWeeklyMinutes) {
            throw MendException.invalidField("minimumWeeklyMinutes",
                    "must not exceed plannedSessionsPerWeek times plannedSessionMinutes");
        }
    }

    /** A plan with the default weekly minimum of 9 hours. */
    public static ProgramPlan of(int requiredSessions, int plannedSessionsPerWeek, int plannedSessionMinutes) {
        return new ProgramPlan(requiredSessions, plannedSessionsPerWeek, plannedSessionMinutes,
                DEFAULT_MINIMUM_WEEKLY_MINUTES);
    }
}
