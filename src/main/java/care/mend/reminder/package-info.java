/**
 * Session reminders by e-mail: a patient who opted in ({@link care.mend.reminder.ReminderPreference}) gets one e-mail
 * a configurable lead before each session on whose roster they are ({@link care.mend.schedule.Rosters}, the one
 * roster), through the server's mail session. The message carries no health information: no program, no group name,
 * no diagnosis, only when "your group" meets in the group's time zone and a link to the patient's page
 * ({@link care.mend.reminder.ReminderMessage}).
 *
 * <p>Each is sent once per patient, session and start ({@link care.mend.reminder.SentReminder}'s unique key, written
 * in the transaction that hands the message over), never for a session cancelled, ended or not held, and never on a
 * socket's or request's thread ({@link care.mend.reminder.ReminderJob} runs on the managed scheduled executor). Which
 * sessions are due is {@link care.mend.reminder.ReminderWindow}'s rule; {@link care.mend.reminder.Reminders}
 * orchestrates; the resources translate HTTP.
 */
package care.mend.reminder;
