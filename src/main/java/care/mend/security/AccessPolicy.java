package care.mend.security;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import care.mend.program.Enrollment;
import care.mend.schedule.Membership;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what, in one place, for REST, signaling and reports:
 * <ul>
 *   <li>admins manage sites, staff, patients, programs, enrollments, groups and schedules, and read everything;</li>
 *   <li>supervisors read everything of the sites they are assigned to and change nothing clinical;</li>
 *   <li>facilitators see the groups they facilitate, those groups' patients and their enrollments in the group's
 *       program, and run those groups;</li>
 *   <li>patients see their own records and the groups they belong to, never another patient.</li>
 * </ul>
 * Every decision about one patient's records is written to the access audit log, allowed or denied. A refused
 * request gets {@code ACCESS_DENIED} (403) before anything is read or changed.
 */
@RequestScoped
public class AccessPolicy {

    @Inject
    CurrentUser user;

    @Inject
    AccessAuditLog audit;

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    private Reach reach;

    /** For CDI: a request-scoped policy of the current request's caller. */
    public AccessPolicy() {
    }

    /**
     * A policy for a caller outside any HTTP request: the signaling socket, whose caller was admitted at the handshake
     * and whose messages are handled on worker threads where no request scope is active. Use it inside a
     * transaction, for one decision (the reach is computed once and kept), and drop it.
     */
    public static AccessPolicy forSocket(CurrentUser caller, EntityManager em, AccessAuditLog audit) {
        AccessPolicy policy = new AccessPolicy();
        policy.user = java.util.Objects.requireNonNull(caller, "caller");
        policy.em = java.util.Objects.requireNonNull(em, "em");
        policy.audit = java.util.Objects.requireNonNull(audit, "audit");
        return policy;
    }

    /** The caller, as the identity provider vouches for them. */
    public CurrentUser user() {
        return user;
    }

    // ---- writes ----

    /** Clinical and organisational changes: admins only. */
    public void requireAdmin() {
        if (!user.has(Role.ADMIN)) {
            throw denied();
        }
    }

    // ---- reads without patient data ----

    /** Sites and programs: any Mend role (they hold no patient data). */
    public void requireAnyRole() {
        if (user.roles().isEmpty()) {
            throw denied();
        }
    }

    /** The staff directory: staff roles only. */
    public void requireStaff() {
        if (!(user.has(Role.ADMIN) || user.has(Role.SUPERVISOR) || user.has(Role.FACILITATOR))) {
            throw denied();
        }
    }

    /** Attendance reports and exports: supervisors (their sites), facilitators (their groups), admins. */
    public void requireReports() {
        requireStaff();
    }

    /** Oversight lists (unsigned sessions, later reports): supervisors and admins, within their reach. */
    public void requireOversight() {
        requireAuditReader();
    }

    /** The access audit log: supervisors and admins. */
    public void requireAuditReader() {
        if (!(user.has(Role.ADMIN) || user.has(Role.SUPERVISOR))) {
            throw denied();
        }
    }

    /** A group and its schedule (not its roster). */
    public void requireReadGroup(UUID groupId) {
        if (!canSeeGroup(groupId)) {
            throw denied();
        }
    }

    /** Running a group's live room: its facilitators. */
    public boolean canRunGroup(UUID groupId) {
        return reach().facilitatedGroups().contains(groupId);
    }

    /**
     * Joining a group's live room on a given day: its facilitators, and its patients whose membership is active
     * that day while their enrollment in the group's program is active too. Decided (and audited, since it reveals
     * whether someone is in a group) before any seat or media is touched.
     */
    public void requireJoinRoom(UUID groupId, LocalDate day) {
        if (canRunGroup(groupId)) {
            return;
        }
        Optional<UUID> self = reach().ownPatientId();
        boolean allowed = self.isPresent() && isActiveMemberAndEnrolled(self.get(), groupId, day);
        audited(new AuditedAccess("JOIN_ROOM", "group", groupId.toString(), self.orElse(null)), allowed);
    }

    private boolean isActiveMemberAndEnrolled(UUID patientId, UUID groupId, LocalDate day) {
        boolean member = em.createQuery("select m from Membership m where m.patientId = :patient"
                        + " and m.groupId = :group", Membership.class)
                .setParameter("patient", patientId).setParameter("group", groupId).getResultList().stream()
                .anyMatch(membership -> membership.isActiveOn(day));
        return member && em.createQuery("select e from Enrollment e, TherapyGroup g where g.id = :group"
                        + " and e.programId = g.programId and e.patientId = :patient", Enrollment.class)
                .setParameter("group", groupId).setParameter("patient", patientId).getResultList().stream()
                .anyMatch(enrollment -> enrollment.isActiveOn(day));
    }

    // ---- attendance ----

    /** Signing a session's attendance, excusing and amending: the group's facilitators (and admins). */
    public void requireSignAttendance(UUID groupId) {
        if (!(reach().everything() || canRunGroup(groupId))) {
            throw denied();
        }
    }

    /** A session's attendance sheet: staff of the group or its site. Audited: it lists patients. */
    public void requireReadAttendance(UUID groupId, UUID sessionId) {
        audited(new AuditedAccess("READ_ATTENDANCE", "session", sessionId.toString(), null),
                reach().everything() || staffSeesGroup(groupId));
    }

    // ---- reads of patient data: audited ----

    /** One patient's record. */
    public void requireReadPatient(UUID patientId) {
        audited(AuditedAccess.read("patient", patientId, patientId), canSeePatient(patientId));
    }

    /** One enrollment: the patient's, in a program the caller may see. */
    public void requireReadEnrollment(UUID enrollmentId, UUID patientId, UUID programId) {
        audited(AuditedAccess.read("enrollment", enrollmentId, patientId),
                canSeePatient(patientId) && visibleEnrollmentPrograms().map(p -> p.contains(programId)).orElse(true));
    }

    /** One membership (a patient in a group). */
    public void requireReadMembership(UUID membershipId, UUID patientId, UUID groupId) {
        Reach r = reach();
        boolean allowed = r.everything() || r.ownPatientId().filter(patientId::equals).isPresent()
                || staffSeesGroup(groupId);
        audited(AuditedAccess.read("membership", membershipId, patientId), allowed);
    }

    /** A group's roster: who its patients are. Staff of the group or its site only. */
    public void requireReadRoster(UUID groupId) {
        audited(new AuditedAccess("LIST_MEMBERSHIPS", "group", groupId.toString(), null),
                reach().everything() || staffSeesGroup(groupId));
    }

    /** Records that a listing of patient records was served, with the caller's restriction applied. */
    public void auditListing(String resourceType, UUID patientFilter) {
        audit.record(user, AuditedAccess.list(resourceType, patientFilter), AccessOutcome.ALLOWED);
    }

    // ---- restrictions for listings: empty means unrestricted ----

    /** The patients the caller may list. */
    public Optional<Set<UUID>> visiblePatients() {
        Reach r = reach();
        if (r.everything()) {
            return Optional.empty();
        }
        Set<UUID> ids = new HashSet<>();
        r.ownPatientId().ifPresent(ids::add);
        if (!r.facilitatedGroups().isEmpty()) {
            ids.addAll(em.createQuery("select distinct m.patientId from Membership m where m.groupId in :groups",
                    UUID.class).setParameter("groups", r.facilitatedGroups()).getResultList());
        }
        if (!r.supervisedSites().isEmpty()) {
            ids.addAll(em.createQuery("select distinct e.patientId from Enrollment e, Program p"
                            + " where e.programId = p.id and p.siteId in :sites", UUID.class)
                    .setParameter("sites", r.supervisedSites()).getResultList());
        }
        return Optional.of(ids);
    }

    /** The programs whose enrollments the caller may list (combined with {@link #visiblePatients()}). */
    public Optional<Set<UUID>> visibleEnrollmentPrograms() {
        Reach r = reach();
        if (r.everything()) {
            return Optional.empty();
        }
        Set<UUID> ids = new HashSet<>();
        r.ownPatientId().ifPresent(self -> ids.addAll(em.createQuery(
                "select e.programId from Enrollment e where e.patientId = :self", UUID.class)
                .setParameter("self", self).getResultList()));
        if (!r.facilitatedGroups().isEmpty()) {
            ids.addAll(em.createQuery("select g.programId from TherapyGroup g where g.id in :groups", UUID.class)
                    .setParameter("groups", r.facilitatedGroups()).getResultList());
        }
        if (!r.supervisedSites().isEmpty()) {
            ids.addAll(em.createQuery("select p.id from Program p where p.siteId in :sites", UUID.class)
                    .setParameter("sites", r.supervisedSites()).getResultList());
        }
        return Optional.of(ids);
    }

    /** The groups (and so the sessions) the caller may list. */
    public Optional<Set<UUID>> visibleGroups() {
        Reach r = reach();
        if (r.everything()) {
            return Optional.empty();
        }
        Set<UUID> ids = new HashSet<>(r.facilitatedGroups());
        ids.addAll(r.ownGroups());
        if (!r.supervisedSites().isEmpty()) {
            ids.addAll(em.createQuery("select g.id from TherapyGroup g where g.siteId in :sites", UUID.class)
                    .setParameter("sites", r.supervisedSites()).getResultList());
        }
        return Optional.of(ids);
    }

    /** The audit entries a caller may read: admins all; supervisors those about patients they may see. */
    public Optional<Set<UUID>> visibleAuditPatients() {
        return visiblePatients();
    }

    // ---- the reach ----

    /** The caller's reach, computed once per request. */
    public Reach reach() {
        if (reach == null) {
            reach = computeReach();
        }
        return reach;
    }

    private Reach computeReach() {
        if (user.has(Role.ADMIN)) {
            return Reach.unlimited();
        }
        Set<UUID> sites = Set.of();
        Set<UUID> facilitated = Set.of();
        Optional<UUID> staffId = first(em.createQuery(
                "select s.id from StaffMember s where s.idpSubject = :subject and s.active = true", UUID.class)
                .setParameter("subject", user.subject()).getResultList());
        if (staffId.isPresent() && user.has(Role.SUPERVISOR)) {
            sites = Set.copyOf(em.createQuery(
                    "select site from StaffMember s join s.siteIds site where s.id = :id", UUID.class)
                    .setParameter("id", staffId.get()).getResultList());
        }
        if (staffId.isPresent() && user.has(Role.FACILITATOR)) {
            facilitated = Set.copyOf(em.createQuery(
                    "select g.id from TherapyGroup g where :staff member of g.facilitatorIds", UUID.class)
                    .setParameter("staff", staffId.get()).getResultList());
        }
        Optional<UUID> patientId = Optional.empty();
        Set<UUID> ownGroups = Set.of();
        if (user.has(Role.PATIENT)) {
            patientId = first(em.createQuery("select p.id from Patient p where p.idpSubject = :subject", UUID.class)
                    .setParameter("subject", user.subject()).getResultList());
            if (patientId.isPresent()) {
                ownGroups = Set.copyOf(em.createQuery(
                        "select distinct m.groupId from Membership m where m.patientId = :patient", UUID.class)
                        .setParameter("patient", patientId.get()).getResultList());
            }
        }
        return new Reach(false, sites, facilitated, patientId, ownGroups);
    }

    private boolean canSeeGroup(UUID groupId) {
        Reach r = reach();
        return r.everything() || r.ownGroups().contains(groupId) || staffSeesGroup(groupId);
    }

    /** As staff: a group the caller facilitates, or one at a site they supervise. */
    private boolean staffSeesGroup(UUID groupId) {
        Reach r = reach();
        if (r.everything() || r.facilitatedGroups().contains(groupId)) {
            return true;
        }
        if (r.supervisedSites().isEmpty()) {
            return false;
        }
        return !em.createQuery("select g.id from TherapyGroup g where g.id = :id and g.siteId in :sites", UUID.class)
                .setParameter("id", groupId).setParameter("sites", r.supervisedSites()).getResultList().isEmpty();
    }

    private boolean canSeePatient(UUID patientId) {
        Reach r = reach();
        if (r.everything() || r.ownPatientId().filter(patientId::equals).isPresent()) {
            return true;
        }
        if (!r.facilitatedGroups().isEmpty() && !em.createQuery(
                "select m.id from Membership m where m.patientId = :patient and m.groupId in :groups", UUID.class)
                .setParameter("patient", patientId).setParameter("groups", r.facilitatedGroups())
                .setMaxResults(1).getResultList().isEmpty()) {
            return true;
        }
        return !r.supervisedSites().isEmpty() && !em.createQuery("select e.id from Enrollment e, Program p"
                        + " where e.programId = p.id and e.patientId = :patient and p.siteId in :sites", UUID.class)
                .setParameter("patient", patientId).setParameter("sites", r.supervisedSites())
                .setMaxResults(1).getResultList().isEmpty();
    }

    private void audited(AuditedAccess access, boolean allowed) {
        audit.record(user, access, allowed ? AccessOutcome.ALLOWED : AccessOutcome.DENIED);
        if (!allowed) {
            throw denied();
        }
    }

    private static MendException denied() {
        return new MendException(ProblemCode.ACCESS_DENIED, "You may not do this or see this record");
    }

    private static <T> Optional<T> first(List<T> results) {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }
}
