/**
 * The check-in at join: before the waiting room a patient may say how their mood is and how strong their craving is
 * (each 0–10; craving only where the program asks it), whether they took their medication today, and leave a one-line
 * note for the facilitator. One per patient and session, kept as given with the server's time (append-only: a second
 * one is refused, never a replacement), and flagged by the program's thresholds of that moment
 * ({@link care.mend.program.CheckInPlan}), so a flag stays what it was when the facilitator saw it.
 *
 * <p>Who may check in is the session's roster ({@link care.mend.schedule.Rosters}), asked through the access policy;
 * who may read the check-ins (the round of one session, one patient's trend) is the policy's too: the group's
 * facilitators and supervisors of its site (and admins), never another patient, every read one row of the access
 * log. The entity holds the rules; {@link care.mend.checkin.CheckIns} orchestrates; the resources translate HTTP.
 */
package care.mend.checkin;
