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
 * active membership in the group and an active enrollment in the group's program that day (not at a make-up
 * session, which is for its guests only), and the session's make-up guests whose enrollment covers the day, each
 * with the records that put them there. The one answer to "may this person join this session" and "who is expected at it": the
 * room's plan, the access policy's join decision, the attendance sheet and progress all take it from here, so they
 * cannot disagree. Computed by {@link Rosters}; the patients' rule is {@link #places}.
 *
 * @param sessionId    the session
 * @param groupId      its group
 * @param day          the session's local day in the group's zone, on which memberships and enrollments are judged
 * @param facilitators the group's facilitators whose staff record is active
 * @param patients     the patients on the roster: members by patient id, then guests in the order they were added
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

    /**
     * A patient on the roster, with why: the membership and the enrollment active on the session's day, or, for a
     * make-up guest, the guest record and the guest's own enrollment (the one the session counts toward).
     *
     * @param membershipId the membership in the group; null for a guest
     * @param guestId      the make-up guest record; null for a member
     */
    public record PatientEntry(UUID patientId, String subject, UUID membershipId, UUID enrollmentId, UUID guestId) {

        public PatientEntry {
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(enrollmentId, "enrollmentId");
            if ((membershipId == null) == (guestId == null)) {
                throw new IllegalArgumentException("a patient is on a roster by a membership or as a guest");
            }
        }

        /** A member of the group. */
        public PatientEntry(UUID patientId, String subject, UUID membershipId, UUID enrollmentId) {
            this(patientId, subject, membershipId, enrollmentId, null);
        }

        /** A make-up guest. */
        public static PatientEntry guest(UUID patientId, String subject, UUID guestId, UUID enrollmentId) {
            return new PatientEntry(patientId, subject, null, enrollmentId, guestId);
        }

        public boolean isGuest() {
            return guestId != null;
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

    /**
     * The roster's rule for a make-up guest, the only statement of it: the guest is on the roster of the session on
     * {@code day} when the enrollment is the guest's and covers that day ({@link Enrollment#coversDay}), whatever
     * the program: a make-up session counts toward the guest's own program.
     */
    public static boolean placesGuest(SessionGuest guest, Enrollment enrollment, LocalDate day) {
        return guest.enrollmentId().equals(enrollment.id())
                && guest.patientId().equals(enrollment.patientId())
                && enrollment.coversDay(day);
    }

    /**
     * Whether an enrollment may take a make-up session on {@code day}: it is ENROLLED and the day is within its
     * dates ({@link Enrollment#isActiveOn}), as for a new membership. Asked when a guest is added, not afterwards:
     * from then on {@link #placesGuest} decides.
     */
    public static boolean mayTakeMakeUp(Enrollment enrollment, LocalDate day) {
        return enrollment.isActiveOn(day);
    }

    /** The make-up guests on the roster. */
    public List<PatientEntry> guests() {
        return patients.stream().filter(PatientEntry::isGuest).toList();
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

    /** The patients' ids, in the roster's order (members by patient id, then guests as they were added). */
    public Set<UUID> patientIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        patients.forEach(p -> ids.add(p.patientId()));
        return ids;
    }
}
