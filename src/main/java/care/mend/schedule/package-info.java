/**
 * Therapy groups and their calendars: who leads a group, who belongs to it and when, its weekly schedule, and the
 * dated group sessions generated from that schedule.
 *
 * <p>The capacity, membership, cancellation and not-held rules live in {@link care.mend.schedule.TherapyGroup},
 * {@link care.mend.schedule.Membership} and {@link care.mend.schedule.GroupSession}; calendar arithmetic lives in the
 * pure {@link care.mend.schedule.SessionScheduler}; {@link care.mend.schedule.NotHeldSessionsJob} marks the sessions
 * that were never held. Memberships and sessions are end-dated, cancelled or not held, never deleted.
 */
package care.mend.schedule;
