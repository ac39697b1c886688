package care.mend.security;

import care.mend.consent.ConsentRule;
import care.mend.consent.Consents;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import care.mend.schedule.SessionRoster;
import care.mend.platform.Page;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who may do what, in one place, for REST, signaling and reports:
 * <ul>
 *   <li>admins manage sites, staff, patients, programs, enrollments, groups and schedules, and read everything;</li>
 *   <li>supervisors read everything of the sites they are assigned to and change nothing clinical;</li>
 *   <li>facilitators see the groups they facilitate, those groups' patients and their enrollments in the group's
 *       program, and run those groups;</li>
 *   <li>patients see their own records and the groups they belong to, never another patient.</li>
 * </ul>
 * A membership voided as entered in error gives no reach: the patient never belonged to that group.
 *
 * <p><b>The access log.</b> Every read and export of patient data, and every sign-off and amendment, goes through
 * one of the audited methods below, which decide, run the work, and write exactly one row of the access log per
 * request: DENIED (then {@code ACCESS_DENIED}, 403, before anything is read or changed) or ALLOWED with the patients
 * and sites the response carried ({@link Disclosure}). A read is logged after it succeeded (no data leaves without
 * its row; a read that failed returned nothing), a change in the change's own transaction. The role checks are
 * here too, not in {@code @RolesAllowed}: the container would refuse such a request before any of Mend's code ran,
 * and the refusal (a patient asking for the attendance report, say) would go unrecorded. So every audited endpoint
 * admits any authenticated caller ({@code web.xml}) and is decided here. {@code AuditedEndpointsTest} keeps
 * {@code @RolesAllowed} off the resources.
 *
 * <p>Over 450 lines on purpose: it is the one place the rules live (one decision, one place); what a log row needs
 * beyond the decision (the caller's records, the sites touched) is in {@link AuditTrail}.
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
    private AuditTrail trail;

    /** For CDI: a request-scoped policy of the current request's caller. */
    public AccessPolicy() {
    }

    /**
     * A policy for a caller outside any HTTP request: the signaling socket, whose caller was admitted at the handshake
     * and whose messages are handled on worker threads where no request scope is active (and tests outside the
     * container). Use it inside a transaction, for one request (the reach is computed once and kept), and drop it.
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

    /**
     * Before any rule of a request: a caller whose login was disabled from Mend is refused ({@code LOGIN_DISABLED}),
     * whatever token they still hold; and an integration (a caller whose only Mend role is {@link Role#INTEGRATION})
     * may call the attendance report and its exports and nothing else.
     *
     * @param reportRead true for the report, its CSV and its FHIR export
     */
    public void requireCallable(boolean reportRead) {
        if (user.roles().equals(java.util.Set.of(Role.INTEGRATION)) && !reportRead) {
            throw denied();
        }
        Long disabled = em.createQuery("select count(p) from Patient p where p.idpSubject = :subject"
                        + " and p.login.state = care.mend.program.LoginState.DISABLED", Long.class)
                .setParameter("subject", user.subject()).getSingleResult();
        if (disabled > 0) {
            throw new MendException(ProblemCode.LOGIN_DISABLED, "Your login is disabled");
        }
    }

    // ---- writes ----

    /** Clinical and organisational changes: admins only. */
    public void requireAdmin() {
        if (!user.has(Role.ADMIN)) {
            throw denied();
        }
    }

    /** A patient's change to their own record. */
    public void requirePatient() {
        if (!user.has(Role.PATIENT)) {
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
        if (!isStaff()) {
            throw denied();
        }
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
     * Joining a session's live room: the facilitators and the patients on its roster ({@link SessionRoster}, the one
     * statement of who belongs to a session on its day), each in their own role. Decided and audited (it reveals who
     * is in a group) before any seat or media is touched.
     *
     * <p>A patient also needs the current version of every consent text of the session's program accepted and not
     * withdrawn ({@link ConsentRule}; a program that published none refuses them too): else the join is refused
     * with {@code CONSENT_REQUIRED}, and the access log's DENIED row says so in its filter column. Staff are never
     * asked.
     */
    public void requireJoinRoom(SessionRoster roster) {
        boolean asFacilitator = user.has(Role.FACILITATOR) && roster.hasFacilitator(user.subject());
        Optional<UUID> self = reach().ownPatientId();
        boolean allowed = asFacilitator || self.filter(roster::hasPatient).isPresent();
        AuditedAccess access = AuditedAccess.of(AuditAction.JOIN_ROOM, "session", roster.sessionId())
                .session(roster.sessionId()).group(roster.groupId())
                .patient(asFacilitator ? null : self.orElse(null));
        if (!allowed) {
            trail().denied(access);
            throw denied();
        }
        if (!asFacilitator) {
            UUID programId = em.createQuery("select g.programId from TherapyGroup g where g.id = :g", UUID.class)
                    .setParameter("g", roster.groupId()).getSingleResult();
            if (!Consents.verdictOf(em, self.orElseThrow(), programId).satisfied()) {
                trail().denied(access.program(programId).filter(ProblemCode.CONSENT_REQUIRED.name()));
                throw new MendException(ProblemCode.CONSENT_REQUIRED,
                        "Accept the current consent texts of this program first (GET /api/me/consents)");
            }
        }
        trail().allowed(access, Disclosure.NOTHING);
    }

    /**
     * A facilitator's "admit anyway" of a patient outside licensure ({@link AuditAction#ADMIT_OUTSIDE_LICENSURE}):
     * the group's facilitators, in the transaction that writes the override. The room has already checked that the
     * caller is a facilitator of the room; this is the access log's row of it (one per override).
     */
    public <T> T admitOutsideLicensure(UUID groupId, UUID sessionId, UUID patientId, Supplier<T> change) {
        AuditedAccess access = AuditedAccess.of(AuditAction.ADMIT_OUTSIDE_LICENSURE, "session", sessionId)
                .session(sessionId).group(groupId).patient(patientId);
        return changed(access, user.has(Role.FACILITATOR) && canRunGroup(groupId), change,
                result -> Disclosure.ofPatients(Set.of(patientId)));
    }

    /**
     * The safety panel of one patient of a session ({@link AuditAction#READ_SAFETY}): the group's facilitators (and
     * admins), for a patient on the session's roster; supervisors and patients never (it is for running the
     * session). A read of patient data: one row of the access log per opening.
     */
    public <T> T readSafety(SessionRoster roster, UUID patientId, Supplier<T> read) {
        AuditedAccess access = AuditedAccess.of(AuditAction.READ_SAFETY, "patient", patientId)
                .session(roster.sessionId()).group(roster.groupId()).patient(patientId);
        boolean allowed = (reach().everything() || (user.has(Role.FACILITATOR) && canRunGroup(roster.groupId())))
                && roster.hasPatient(patientId);
        return audited(access, allowed, read, result -> Disclosure.ofPatients(Set.of(patientId)));
    }

    // ---- attendance: changes, audited ----

    /** Whether the caller may sign a group's sessions, excuse and amend: its facilitators (and admins). */
    public boolean canSignAttendance(UUID groupId) {
        return reach().everything() || canRunGroup(groupId);
    }

    /** The sign-off rule alone, unaudited; the resources use {@link #signOff}, which audits it. */
    public void requireSignAttendance(UUID groupId) {
        if (!canSignAttendance(groupId)) {
            throw denied();
        }
    }

    /**
     * Signs a session off ({@link AuditAction#SIGN_OFF} or {@link AuditAction#SIGN_OFF_NOT_HELD}): the group's
     * facilitators and admins. Call it in the transaction of the change: the ALLOWED row commits with the sign-off.
     *
     * @param patientsOf the patients on the signed sheet
     */
    public <T> T signOff(AuditAction action, UUID groupId, UUID sessionId, Supplier<T> change,
                         Function<? super T, ? extends Collection<UUID>> patientsOf) {
        if (action != AuditAction.SIGN_OFF && action != AuditAction.SIGN_OFF_NOT_HELD) {
            throw new IllegalArgumentException("not a sign-off: " + action);
        }
        AuditedAccess access = AuditedAccess.of(action, "session", sessionId).session(sessionId).group(groupId);
        return changed(access, canSignAttendance(groupId), change, result -> Disclosure.ofPatients(
                patientsOf.apply(result)));
    }

    /** Amends a signed record: the group's facilitators and admins, in the transaction of the change. */
    public <T> T amend(UUID groupId, UUID sessionId, UUID recordId, UUID patientId, Supplier<T> change) {
        AuditedAccess access = AuditedAccess.of(AuditAction.AMEND, "attendance-record", recordId)
                .session(sessionId).group(groupId).patient(patientId);
        return changed(access, canSignAttendance(groupId), change, result -> Disclosure.ofPatients(
                Set.of(patientId)));
    }

    /**
     * Voids a membership entered in error ({@link AuditAction#VOID_MEMBERSHIP}): admins, in the change's transaction.
     * Audited like an amendment, since it changes who past rosters, sheets and progress count.
     */
    public <T> T voidMembership(UUID membershipId, UUID patientId, UUID groupId, Supplier<T> change) {
        AuditedAccess access = AuditedAccess.of(AuditAction.VOID_MEMBERSHIP, "membership", membershipId)
                .patient(patientId).group(groupId);
        return changed(access, user.has(Role.ADMIN), change, result -> Disclosure.ofPatients(Set.of(patientId)));
    }

    // ---- sessions beyond the weekly pattern ----

    /**
     * Puts patients on a session's roster as make-up guests ({@link AuditAction#ADD_GUEST}): admins, as every other
     * change of a group's calendar and roster; one row per request with the patients it added, written in the
     * change's transaction. {@code sessionId} is null when the change creates the session (a make-up session).
     */
    public <T> T addGuests(UUID groupId, UUID sessionId, Supplier<T> change,
                           Function<? super T, ? extends Collection<UUID>> patientsOf) {
        AuditedAccess access = AuditedAccess.of(AuditAction.ADD_GUEST, sessionId == null ? "group" : "session",
                sessionId == null ? groupId : sessionId).session(sessionId).group(groupId);
        return changed(access, user.has(Role.ADMIN), change, result -> Disclosure.ofPatients(
                patientsOf.apply(result)));
    }

    /**
     * A session and its schedule: whoever may see its group, and a patient who is one of its make-up guests
     * ({@code guests}), who sees that session and nothing else of the group.
     */
    public void requireReadSession(UUID groupId, Collection<UUID> guests) {
        if (!canSeeGroup(groupId) && reach().ownPatientId().filter(guests::contains).isEmpty()) {
            throw denied();
        }
    }

    /** The patient whose make-up sessions the caller may list besides {@link #visibleGroups()}: their own. */
    public Optional<UUID> ownPatientId() {
        return reach().ownPatientId();
    }

    // ---- decided before the body and the parameters are read (AccessFilter): refusals audited here ----

    /**
     * Signing off the session {@code sessionId} ({@link AuditAction#SIGN_OFF} or
     * {@link AuditAction#SIGN_OFF_NOT_HELD}), from the path alone: the group's facilitators and admins. A refusal is
     * logged; an unknown session is refused too, except to admins (who may sign any session, so learn nothing by
     * the 404 the resource then answers).
     */
    public void requireSignSessionAttendance(UUID sessionId, AuditAction action) {
        if (reach().everything()) {
            return;
        }
        Optional<UUID> group = first(em.createQuery("select s.groupId from GroupSession s where s.id = :id",
                UUID.class).setParameter("id", sessionId).getResultList());
        if (group.isEmpty() || !canSignAttendance(group.get())) {
            trail().denied(AuditedAccess.of(action, "session", sessionId).session(sessionId)
                    .group(group.orElse(null)));
            throw denied();
        }
    }

    /** Amending the attendance record {@code recordId}, from the path alone: as signing off its session. */
    public void requireAmendAttendanceRecord(UUID recordId) {
        if (reach().everything()) {
            return;
        }
        List<Object[]> found = em.createQuery("select s.id, s.groupId, r.patientId from AttendanceRecord r,"
                + " GroupSession s where r.id = :id and s.id = r.sessionId", Object[].class)
                .setParameter("id", recordId).getResultList();
        Object[] row = found.isEmpty() ? new Object[3] : found.get(0);
        if (row[1] == null || !canSignAttendance((UUID) row[1])) {
            trail().denied(AuditedAccess.of(AuditAction.AMEND, "attendance-record", recordId)
                    .session((UUID) row[0]).group((UUID) row[1]).patient((UUID) row[2]));
            throw denied();
        }
    }

    /**
     * A change of patient data (admins only), from the path alone: a refusal is logged with the patient the record
     * names, as a refused read of it would be. {@code id} names the record, or is null for a new one.
     */
    public void requireAdminToChange(WriteAccess.PatientData data, UUID id) {
        if (user.has(Role.ADMIN)) {
            return;
        }
        AuditedAccess access = AuditedAccess.of(AuditAction.CHANGE_PATIENT_DATA,
                data.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), id);
        switch (data) {
            case PATIENT -> access = access.patient(id);
            case ENROLLMENT -> {
                List<Object[]> found = em.createQuery("select e.patientId, e.programId from Enrollment e"
                        + " where e.id = :id", Object[].class).setParameter("id", id).getResultList();
                if (!found.isEmpty()) {
                    access = access.patient((UUID) found.get(0)[0]).program((UUID) found.get(0)[1]);
                }
            }
            case MEMBERSHIP -> {
                List<Object[]> found = em.createQuery("select m.patientId, m.groupId from Membership m"
                        + " where m.id = :id", Object[].class).setParameter("id", id).getResultList();
                if (!found.isEmpty()) {
                    access = access.patient((UUID) found.get(0)[0]).group((UUID) found.get(0)[1]);
                }
            }
            case GROUP_ROSTER -> access = access.group(id);
            case NONE, NEW_RECORD -> { }
        }
        trail().denied(access);
        throw denied();
    }

    /** A group's roster, from the path alone ({@link #readRoster} decides it again, and logs the read). */
    public void requireReadRoster(UUID groupId) {
        if (!(reach().everything() || staffSeesGroup(groupId))) {
            trail().denied(AuditedAccess.of(AuditAction.READ_ROSTER, "group", groupId).group(groupId));
            throw denied();
        }
    }

    /**
     * The attendance report and its exports, before their filter is read: staff and integrations; a patient's
     * request is refused and logged with what could be read of its filter ({@code asked}).
     */
    public void requireReportReader(AuditedAccess asked) {
        if (!isReportReader()) {
            trail().denied(asked);
            throw denied();
        }
    }

    /**
     * Reports, exports and progress charts, before their filter is read: staff only; a patient's request is refused
     * and logged with what could be read of its filter ({@code asked}).
     */
    public void requireStaffFor(AuditedAccess asked) {
        if (!isStaff()) {
            trail().denied(asked);
            throw denied();
        }
    }

    // ---- reads of patient data: audited ----

    /** A session's attendance sheet: staff of the group or its site. */
    public <T> T readSheet(UUID groupId, UUID sessionId, Supplier<T> read,
                           Function<? super T, ? extends Collection<UUID>> patientsOf) {
        AuditedAccess access = AuditedAccess.of(AuditAction.READ_SHEET, "session", sessionId).session(sessionId)
                .group(groupId);
        return audited(access, reach().everything() || staffSeesGroup(groupId), read,
                result -> Disclosure.ofPatients(patientsOf.apply(result)));
    }

    /** One patient's record. */
    public <T> T readPatient(UUID patientId, Supplier<T> read) {
        return audited(AuditedAccess.of(AuditAction.READ_PATIENT, "patient", patientId).patient(patientId),
                canSeePatient(patientId), read, result -> Disclosure.ofPatients(Set.of(patientId)));
    }

    /** One enrollment: the patient's, in a program the caller may see. */
    public <T> T readEnrollment(UUID enrollmentId, UUID patientId, UUID programId, Supplier<T> read) {
        return readOfEnrollment(AuditAction.READ_ENROLLMENT, enrollmentId, patientId, programId, read);
    }

    /** One enrollment's progress: whoever may see the enrollment. */
    public <T> T readProgress(UUID enrollmentId, UUID patientId, UUID programId, Supplier<T> read) {
        return readOfEnrollment(AuditAction.READ_PROGRESS, enrollmentId, patientId, programId, read);
    }

    private <T> T readOfEnrollment(AuditAction action, UUID enrollmentId, UUID patientId, UUID programId,
                                   Supplier<T> read) {
        boolean allowed = canSeePatient(patientId)
                && visibleEnrollmentPrograms().map(p -> p.contains(programId)).orElse(true);
        return audited(AuditedAccess.of(action, "enrollment", enrollmentId).patient(patientId).program(programId),
                allowed, read, result -> Disclosure.ofPatients(Set.of(patientId)));
    }

    /**
     * The progress of a program's enrollments at once, for the supervisor's chart: staff, within their reach (the
     * listing is restricted by {@link #visiblePatients()} and {@link #visibleEnrollmentPrograms()}). One row for the
     * whole chart, listing the patients it showed.
     */
    public <T> Page<T> readProgramProgress(UUID programId, Supplier<Page<T>> read, Function<? super T, UUID> patientOf) {
        return audited(AuditedAccess.of(AuditAction.READ_PROGRESS, "program", programId).program(programId),
                isStaff(), read, page -> Disclosure.ofItems(page.items(), patientOf, null));
    }

    /** One membership (a patient in a group). */
    public <T> T readMembership(UUID membershipId, UUID patientId, UUID groupId, Supplier<T> read) {
        Reach r = reach();
        boolean allowed = r.everything() || r.ownPatientId().filter(patientId::equals).isPresent()
                || staffSeesGroup(groupId);
        return audited(AuditedAccess.of(AuditAction.READ_MEMBERSHIP, "membership", membershipId).patient(patientId)
                .group(groupId), allowed, read, result -> Disclosure.ofPatients(Set.of(patientId)));
    }

    /** A group's roster: who its patients are. Staff of the group or its site only. */
    public <T> Page<T> readRoster(UUID groupId, Supplier<Page<T>> read, Function<? super T, UUID> patientOf) {
        return audited(AuditedAccess.of(AuditAction.READ_ROSTER, "group", groupId).group(groupId),
                reach().everything() || staffSeesGroup(groupId), read,
                page -> Disclosure.ofItems(page.items(), patientOf, null));
    }

    // ---- consent (care.mend.consent) ----

    /**
     * A patient's own acceptance or withdrawal ({@link AuditAction#ACCEPT_CONSENT}, {@link AuditAction#WITHDRAW_CONSENT})
     * in a program that concerns them ({@code programsOfPatient}: enrolled, or a make-up guest of one of its
     * sessions): only a patient, for themselves (the change is given their patient id, never one from the request).
     * Call it in the transaction of the change.
     */
    public <T> T decideConsent(AuditAction action, UUID programId,
                               Function<UUID, ? extends Collection<UUID>> programsOfPatient,
                               Function<UUID, ? extends T> change) {
        if (action != AuditAction.ACCEPT_CONSENT && action != AuditAction.WITHDRAW_CONSENT) {
            throw new IllegalArgumentException("not a consent decision: " + action);
        }
        Optional<UUID> self = user.has(Role.PATIENT) ? reach().ownPatientId() : Optional.empty();
        boolean allowed = self.isPresent() && programsOfPatient.apply(self.get()).contains(programId);
        AuditedAccess access = AuditedAccess.of(action, "program", programId).program(programId)
                .patient(self.orElse(null));
        return changed(access, allowed, () -> change.apply(self.orElseThrow()),
                result -> Disclosure.ofPatients(Set.of(self.orElseThrow())));
    }

    /**
     * The caller's own patient id, for their list of texts to accept ({@code GET /api/me/consents}): what the
     * program asks of them, nothing of anyone else, so not a row of the log. Not a patient: {@code ACCESS_DENIED}.
     */
    public UUID ownConsentPatient() {
        return (user.has(Role.PATIENT) ? reach().ownPatientId() : Optional.<UUID>empty())
                .orElseThrow(AccessPolicy::denied);
    }

    /**
     * A patient's consent decisions on their record ({@link AuditAction#READ_CONSENT}): staff who may see the patient
     * (the facilitators of their groups, supervisors of their programs' sites, admins). One row per read.
     */
    public <T> T readConsent(UUID patientId, Supplier<T> read) {
        return audited(AuditedAccess.of(AuditAction.READ_CONSENT, "patient", patientId).patient(patientId),
                isStaff() && canSeePatient(patientId), read, result -> Disclosure.ofPatients(Set.of(patientId)));
    }

    /**
     * Publishing a new version of a program's consent text ({@link AuditAction#PUBLISH_CONSENT_TEXT}): admins, in the
     * change's transaction; a row because it changes what every patient of the program must accept to join.
     */
    public <T> T publishConsentText(UUID programId, Supplier<T> change) {
        return changed(AuditedAccess.of(AuditAction.PUBLISH_CONSENT_TEXT, "program", programId).program(programId),
                user.has(Role.ADMIN), change, result -> Disclosure.NOTHING);
    }

    // ---- check-ins (care.mend.checkin) ----

    /**
     * A patient's own check-in for a session ({@link AuditAction#CHECK_IN}): only a patient on the session's roster
     * ({@link SessionRoster}, as for joining its room), for themselves (the change is given their patient id, never
     * one from the request). Call it in the transaction of the change.
     */
    public <T> T checkIn(SessionRoster roster, Function<UUID, ? extends T> change) {
        Optional<UUID> self = user.has(Role.PATIENT) ? reach().ownPatientId() : Optional.empty();
        boolean allowed = self.filter(roster::hasPatient).isPresent();
        AuditedAccess access = AuditedAccess.of(AuditAction.CHECK_IN, "session", roster.sessionId())
                .session(roster.sessionId()).group(roster.groupId()).patient(self.orElse(null));
        return changed(access, allowed, () -> change.apply(self.orElseThrow()),
                result -> Disclosure.ofPatients(Set.of(self.orElseThrow())));
    }

    /**
     * The caller's own patient id, if they are a patient on the session's roster; else {@code ACCESS_DENIED}. For the
     * check-in's prompt, which says only whether to ask the caller: nothing of anyone else, so not a row of the log.
     */
    public UUID ownCheckInPatient(SessionRoster roster) {
        return (user.has(Role.PATIENT) ? reach().ownPatientId() : Optional.<UUID>empty()).filter(roster::hasPatient)
                .orElseThrow(AccessPolicy::denied);
    }

    /**
     * A session's check-ins, the facilitator's round ({@link AuditAction#READ_CHECK_INS}): the group's facilitators,
     * supervisors of its site, and admins; never a patient, not even one of the group.
     */
    public <T> T readCheckIns(UUID groupId, UUID sessionId, Supplier<T> read,
                              Function<? super T, ? extends Collection<UUID>> patientsOf) {
        AuditedAccess access = AuditedAccess.of(AuditAction.READ_CHECK_INS, "session", sessionId).session(sessionId)
                .group(groupId);
        return audited(access, isStaff() && (reach().everything() || staffSeesGroup(groupId)), read,
                result -> Disclosure.ofPatients(patientsOf.apply(result)));
    }

    /**
     * One patient's check-ins over their sessions, the trend ({@link AuditAction#READ_CHECK_INS}): staff who may see
     * the patient; the caller's {@code read} restricts the sessions to {@link #visibleGroups()}.
     */
    public <T> T readCheckInTrend(UUID patientId, Supplier<T> read) {
        return audited(AuditedAccess.of(AuditAction.READ_CHECK_INS, "patient", patientId).patient(patientId),
                isStaff() && canSeePatient(patientId), read, result -> Disclosure.ofPatients(Set.of(patientId)));
    }

    /**
     * A listing of patient records ({@link AuditAction#LIST_PATIENTS}, {@link AuditAction#LIST_ENROLLMENTS}), which
     * the caller's {@code read} restricts to their reach: always allowed, one row with the patients listed.
     */
    public <T> Page<T> listing(AuditedAccess access, Supplier<Page<T>> read, Function<? super T, UUID> patientOf) {
        return audited(access, true, read, page -> Disclosure.ofItems(page.items(), patientOf, null));
    }

    /**
     * The attendance report and its exports ({@link AuditAction#READ_REPORT}, {@link AuditAction#EXPORT_CSV},
     * {@link AuditAction#EXPORT_FHIR}): supervisors (their sites), facilitators (their groups) and admins; the
     * caller's {@code read} restricts the rows to {@link #visibleGroups()}. One row per request, with the filter
     * and the patients and sites of the rows returned; a patient's request is refused and recorded.
     */
    public <T> T report(AuditedAccess access, Supplier<T> read, Function<? super T, Disclosure> disclosed) {
        return audited(access, isReportReader(), read, disclosed);
    }

    /**
     * The groups whose rows the attendance report and its exports may show: {@link #visibleGroups()}, and every group
     * for an integration (the clinic's own export, reading every site, as an admin reads it).
     */
    public Optional<Set<UUID>> reportGroups() {
        return user.has(Role.INTEGRATION) ? Optional.empty() : visibleGroups();
    }

    /**
     * A change of a patient's login ({@link AuditAction#CREATE_LOGIN}, {@link AuditAction#INVITE_LOGIN},
     * {@link AuditAction#DISABLE_LOGIN}, {@link AuditAction#ENABLE_LOGIN}): admins, in the change's transaction.
     */
    public <T> T loginChange(AuditAction action, UUID patientId, Supplier<T> change) {
        if (action != AuditAction.CREATE_LOGIN && action != AuditAction.INVITE_LOGIN
                && action != AuditAction.DISABLE_LOGIN && action != AuditAction.ENABLE_LOGIN) {
            throw new IllegalArgumentException("not a login change: " + action);
        }
        AuditedAccess access = AuditedAccess.of(action, "patient", patientId).patient(patientId);
        return changed(access, user.has(Role.ADMIN), change, result -> Disclosure.ofPatients(Set.of(patientId)));
    }

    private <T> T audited(AuditedAccess access, boolean allowed, Supplier<T> read,
                          Function<? super T, Disclosure> disclosed) {
        if (!allowed) {
            trail().denied(access);
            throw denied();
        }
        T result = read.get();
        trail().allowed(access, disclosed.apply(result));
        return result;
    }

    private <T> T changed(AuditedAccess access, boolean allowed, Supplier<T> change,
                          Function<? super T, Disclosure> disclosed) {
        if (!allowed) {
            trail().denied(access);
            throw denied();
        }
        T result = change.get();
        trail().changed(access, disclosed.apply(result));
        return result;
    }

    private AuditTrail trail() {
        if (trail == null) {
            trail = new AuditTrail(user, em, audit);
        }
        return trail;
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
            ids.addAll(em.createQuery("select distinct m.patientId from Membership m where m.groupId in :groups"
                    + " and m.voidedAt is null",
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

    /**
     * The access-log rows a caller may read, and whose patients they may see named: admins all (empty); supervisors
     * the rows that touched their sites, rows from before V10 about patients they may see, and the names of those
     * patients only.
     */
    public Optional<AuditVisibility> auditVisibility() {
        Reach r = reach();
        if (r.everything()) {
            return Optional.empty();
        }
        return Optional.of(new AuditVisibility(r.supervisedSites(), visiblePatients().orElseThrow()));
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
                        "select distinct m.groupId from Membership m where m.patientId = :patient"
                                + " and m.voidedAt is null", UUID.class)
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
                "select m.id from Membership m where m.patientId = :patient and m.groupId in :groups"
                        + " and m.voidedAt is null", UUID.class)
                .setParameter("patient", patientId).setParameter("groups", r.facilitatedGroups())
                .setMaxResults(1).getResultList().isEmpty()) {
            return true;
        }
        return !r.supervisedSites().isEmpty() && !em.createQuery("select e.id from Enrollment e, Program p"
                        + " where e.programId = p.id and e.patientId = :patient and p.siteId in :sites", UUID.class)
                .setParameter("patient", patientId).setParameter("sites", r.supervisedSites())
                .setMaxResults(1).getResultList().isEmpty();
    }

    private boolean isStaff() {
        return user.has(Role.ADMIN) || user.has(Role.SUPERVISOR) || user.has(Role.FACILITATOR);
    }

    private boolean isReportReader() {
        return isStaff() || user.has(Role.INTEGRATION);
    }

    private static MendException denied() {
        return new MendException(ProblemCode.ACCESS_DENIED, "You may not do this or see this record");
    }

    private static <T> Optional<T> first(List<T> results) {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }
}
