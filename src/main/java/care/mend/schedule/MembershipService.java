package care.mend.schedule;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.program.Enrollment;
import care.mend.program.EnrollmentEnded;
import care.mend.program.EnrollmentRepository;
import care.mend.program.PatientRepository;
import care.mend.program.References;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Admits patients to groups and ends memberships.
 *
 * <p>Concurrency: an admission write-locks the group row ({@code SELECT ... FOR UPDATE}), then reads the group's
 * memberships and lets the group decide. A second admission to the same group waits for the first to commit and
 * then sees its membership, so two requests can't both take the last place (a version check would only detect the
 * race after the fact, and the membership rows being inserted don't touch the group row). The patient's open
 * enrollment is write-locked too, so it can't end between the check and the commit; ending an enrollment locks the
 * enrollment first and never locks a group, so the two paths can't deadlock.
 */
@ApplicationScoped
@Transactional
public class MembershipService {

    private static final System.Logger LOG = System.getLogger(MembershipService.class.getName());

    private TherapyGroupRepository groups;
    private MembershipRepository memberships;
    private PatientRepository patients;
    private EnrollmentRepository enrollments;
    private Clock clock;

    protected MembershipService() {
        // for CDI proxies
    }

    @Inject
    public MembershipService(TherapyGroupRepository groups, MembershipRepository memberships,
                             PatientRepository patients, EnrollmentRepository enrollments, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.patients = patients;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    public Membership admit(UUID groupId, UUID patientId, LocalDate fromDate) {
        TherapyGroup group = References.require(groups.findForUpdate(groupId), "group", groupId);
        References.require(patients.find(patientId), "patient", patientId);
        Enrollment enrollment = enrollments.findOpenForUpdate(patientId, group.programId()).orElse(null);
        Membership membership = group.admit(patientId, fromDate, enrollment,
                memberships.activeOnOrAfter(groupId, fromDate), clock.instant());
        memberships.store(membership);
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: membership {0} in group {1} created", membership.id(),
                groupId);
        return membership;
    }

    public Membership end(UUID id, LocalDate toDate, String reason) {
        Membership membership = get(id);
        membership.end(toDate, reason, clock.instant());
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: membership {0} ended", id);
        return membership;
    }

    /**
     * Voids a membership entered in error: kept, with the caller's subject, the time and the reason, and on no roster
     * from then on, past sessions included.
     */
    public Membership voidEnteredInError(UUID id, String reason, String voidedBy) {
        Membership membership = get(id);
        membership.voidEnteredInError(reason, voidedBy, clock.instant());
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: membership {0} voided", id);
        return membership;
    }

    /** A patient can't stay in a program's groups once the enrollment has ended: their open memberships end too. */
    void onEnrollmentEnded(@Observes EnrollmentEnded ended) {
        List<Membership> open = memberships.openInProgram(ended.patientId(), ended.programId());
        open.forEach(m -> m.endBecause(ended, clock.instant()));
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: enrollment {0} ended {1} memberships",
                ended.enrollmentId(), open.size());
    }

    public Membership get(UUID id) {
        return References.require(memberships.find(id), "membership", id);
    }

    /** The group's memberships; the group must exist. */
    public Page<Membership> list(UUID groupId, LocalDate activeOn, PageRequest page) {
        References.require(groups.find(groupId), "group", groupId);
        return memberships.list(groupId, activeOn, page);
    }
}
