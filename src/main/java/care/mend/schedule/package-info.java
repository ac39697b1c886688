/**
 * Therapy groups and their calendars: who leads a group, who belongs to it and when, its weekly schedule, and the
 * dated group sessions generated from that schedule.
 *
 * <p>The capacity, membership and cancellation rules live in {@link care.mend.schedule.TherapyGroup},
 * {@link care.mend.schedule.Membership} and {@link care.mend.schedule.GroupSession}; calendar arithmetic lives in the
 * pure {@link care.mend.schedule.SessionScheduler}. Memberships and sessions are end-dated or cancelled, never
 * deleted.
 */
package care.mend.schedule;
