package care.mend.reminder;

import care.mend.schedule.GroupSession;
import care.mend.schedule.GroupSessionStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * When a session's reminders are due: from {@code lead} before its start until it starts, while it is scheduled (or
 * its room is already open early). Never for a session cancelled, ended or not held, nor once it has started: a
 * reminder after the start tells nobody anything. A run that missed the moment (the server was down) still sends
 * before the start.
 */
public final class ReminderWindow {

    private ReminderWindow() {
    }

    public static boolean isDue(GroupSession session, Instant now, Duration lead) {
        return isDue(session.status(), session.startsAt(), now, lead);
    }

    static boolean isDue(GroupSessionStatus status, Instant startsAt, Instant now, Duration lead) {
        return (status == GroupSessionStatus.SCHEDULED || status == GroupSessionStatus.LIVE)
                && now.isBefore(startsAt)
                && !now.plus(lead).isBefore(startsAt);
    }
}
