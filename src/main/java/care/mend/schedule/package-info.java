/**
 * Therapy groups and their calendars: who leads a group, who belongs to it and when, its weekly schedule, the
 * dated group sessions generated from that schedule, and the sessions beyond it (one-off and make-up sessions, moved
 * occurrences, make-up guests from other groups).
 *
 * <p>The capacity, membership, cancellation and not-held rules live in {@link care.mend.schedule.TherapyGroup},
 * {@link care.mend.schedule.Membership} and {@link care.mend.schedule.GroupSession}; calendar arithmetic lives in the
 * pure {@link care.mend.schedule.SessionScheduler}; {@link care.mend.schedule.NotHeldSessionsJob} marks the sessions
 * that were never held. Memberships and sessions are end-dated, cancelled or not held, never deleted.
 *
 * <p>Who belongs to a session on its day is decided here, once: {@link care.mend.schedule.SessionRoster} (its rule,
 * {@link care.mend.schedule.SessionRoster#places}) computed by {@link care.mend.schedule.Rosters}. The room's plan,
 * the access policy's join decision, the attendance sheet and progress all take it from there; none of them reads
 * memberships for that question itself. A membership voided as entered in error is kept and counts on no day.
 * memberships for that question itself. A session's make-up guests ({@link care.mend.schedule.SessionGuest}) are on
 * it by {@link care.mend.schedule.SessionRoster#placesGuest}, and count toward their own enrollment.
 */
package care.mend.schedule;
