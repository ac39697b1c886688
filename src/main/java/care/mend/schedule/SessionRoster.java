package care.mend.schedule;

import care.mend.program.Enrollment;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who belongs to one group session on its local day: the group's active facilitators, and the patients with an
 * active membership in the group and an active enrollment in the group's program that day, each with the records
 * that put them there. The one answer to "may this person join this session" and "who is expected at it": the
 * room's plan, the access policy's join decision, the attendance sheet and progress all take it from here, so they
 * cannot disagree. Computed by {@link Rosters}; the patients' rule is {@link #places}.
 *
 * @param sessionId    the session
 * @param groupId      its group
 * @param day          the session's local day in the group's zone, on which memberships and enrollments are judged
 * @param facilitators the group's facilitators whose staff record is active
 * @param patients     the patients on the roster, by patient id
 */
public record SessionRoster(UUID sessionId, UUID groupId, LocalDate day, List<FacilitatorEntry> facilitators,
        List<PatientEntry> patients) {

    /** A facilitator on the roster: one of the group's facilitators, with an active staff record. */
    public record FacilitatorEntry(UUID staffId, String subject) {

        public FacilitatorEntry {
            Objects.requireNonNull(staffId, "staffId");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** A patient on the roster, with why: the membership and the enrollment active on the session's day. */
    public record PatientEntry(UUID patientId, String subject, UUID membershipId, UUID enrollmentId) {

        public PatientEntry {
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(membershipId, "membershipId");
            Objects.requireNonNull(enrollmentId, "enrollmentId");
        }
    }

    public SessionRoster {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(day, "day");
        facilitators = List.copyOf(facilitators);
        patients = List.copyOf(patients);
    }

    /**
     * The roster's rule for patients, the only statement of it: a membership and an enrollment put the patient on the
     * roster of the group's sessions on {@code day} when both are the patient's, the membership is in the group and
     * the enrollment in the group's program, and both are active that day ({@link Membership#isActiveOn},
     * {@link Enrollment#coversDay}: judged by their dates, so a roster of the past stays what it was; a membership
     * voided as entered in error is active on no day, so it leaves every roster, past ones included).
     */
    public static boolean places(TherapyGroup group, Membership membership, Enrollment enrollment, LocalDate day) {
        return membership.groupId().equals(group.id())
                && enrollment.programId().equals(group.programId())
                && membership.patientId().equals(enrollment.patientId())
                && membership.isActiveOn(day)
                && enrollment.coversDay(day);
    }

    public boolean hasFacilitator(String subject) {
        return facilitators.stream().anyMatch(f -> f.subject().equals(subject));
    }

    public boolean hasPatient(UUID patientId) {
        return patients.stream().anyMatch(p -> p.patientId().equals(patientId));
    }

    /** The patient on the roster with this identity-provider subject, if any. */
    public Optional<PatientEntry> patientWithSubject(String subject) {
        return patients.stream().filter(p -> p.subject().equals(subject)).findFirst();
    }

    public Set<String> facilitatorSubjects() {
        Set<String> subjects = new LinkedHashSet<>();
        facilitators.forEach(f -> subjects.add(f.subject()));
        return subjects;
    }

    public Set<String> patientSubjects() {
        Set<String> subjects = new LinkedHashSet<>();
        patients.forEach(p -> subjects.add(p.subject()));
        return subjects;
    }

    /** The patients' ids, in the roster's order (by patient id). */
    public Set<UUID> patientIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        patients.forEach(p -> ids.add(p.patientId()));
        return ids;
    }
}
