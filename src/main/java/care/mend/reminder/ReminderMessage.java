package care.mend.reminder;

import care.mend.schedule.GroupSession;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The reminder e-mail, plain text. It says only that "your group" meets, when, and where to join: no program, no group
 * name, no diagnosis, no name of the patient, since e-mail passes through hands the clinic does not choose and may be
 * read by others in the household. The time is the session's own, in its group's time zone, with the zone's
 * abbreviation of that day (CST or CDT: the one in force at the start, across a change of daylight-saving time).
 *
 * @param subject the e-mail's subject
 * @param body    the e-mail's text
 */
public record ReminderMessage(String subject, String body) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a zzz", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);

    public ReminderMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    public static ReminderMessage of(GroupSession session, Instant now, URI patientPage) {
        return of(session.startsAt(), session.timeZone(), now, patientPage);
    }

    static ReminderMessage of(Instant startsAt, ZoneId zone, Instant now, URI patientPage) {
        ZonedDateTime start = startsAt.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String day = start.toLocalDate().equals(today) ? "today"
                : start.toLocalDate().equals(today.plusDays(1)) ? "tomorrow" : "on " + DAY.format(start);
        String time = TIME.format(start);
        String when = day.startsWith("on ") ? day + " at " + time : day + " (" + DAY.format(start) + ") at " + time;
        String subject = "Reminder: your group meets " + day + " at " + time;
        String body = "Hello,\n\n"
                + "This is a reminder that your group meets " + when + ".\n\n"
                + "Join from your page: " + patientPage + "\n\n"
                + "You get this e-mail because you asked for session reminders. You can turn them off on your page.\n";
        return new ReminderMessage(subject, body);
    }
}
