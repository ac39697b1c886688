package care.mend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.TestPersistence;
import care.mend.attendance.AttendanceRecord;
import care.mend.attendance.SessionAttendance;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.EmergencyContact;
import care.mend.program.Enrollment;
import care.mend.program.EnrollmentStatus;
import care.mend.program.Patient;
import care.mend.program.Program;
import care.mend.program.ProgramKind;
import care.mend.program.ProgramPlan;
import care.mend.program.Site;
import care.mend.program.StaffMember;
import care.mend.schedule.GroupSession;
import care.mend.schedule.Membership;
import care.mend.schedule.Rosters;
import care.mend.schedule.SessionRoster;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.WeeklySchedule;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The access policy's rules on a real (H2) database, without a server: who may join a group's room on which day,
 * and what the reach of each role is. The REST matrix in AuthorizationIT covers the same policy end to end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessPolicyOnH2Test {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    private EntityManagerFactory emf;
    private TherapyGroup group;
    private TherapyGroup otherGroup;
    private Site site;

    @BeforeAll
    void clinic() {
        emf = TestPersistence.migrateAndValidate(TestPersistence.h2("access-policy"));
        inTransaction(em -> {
            site = new Site("Policy Clinic", "Jackson", "TN", CHICAGO, NOW);
            Site otherSite = new Site("Other Clinic", "Memphis", "TN", CHICAGO, NOW);
            Program program = new Program(site.id(), "Policy IOP", ProgramKind.SUBSTANCE_USE_IOP,
                    ProgramPlan.of(24, 3, 180), NOW);
            Program otherProgram = new Program(otherSite.id(), "Other IOP", ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180), NOW);
            StaffMember facilitator = new StaffMember("sub-facilitator", "F", NOW);
            StaffMember supervisor = new StaffMember("sub-supervisor", "S", NOW);
            supervisor.assignSite(site.id());
            WeeklySchedule schedule = new WeeklySchedule(CHICAGO,
                    List.of(new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180)));
            group = new TherapyGroup("Policy Group", program.id(), site.id(), 12, schedule,
                    Set.of(facilitator.id()), NOW);
            otherGroup = new TherapyGroup("Other Group", otherProgram.id(), otherSite.id(), 12, schedule,
                    Set.of(facilitator.id()), NOW);
            for (Object entity : List.of(site, otherSite, program, otherProgram, facilitator, supervisor, group,
                    otherGroup)) {
                em.persist(entity);
            }
            member(em, "sub-member", program, group, MONDAY.minusWeeks(1), null);
            member(em, "sub-discharged", program, group, MONDAY.minusWeeks(1), EnrollmentStatus.DISCHARGED);
            member(em, "sub-future", program, group, MONDAY.plusWeeks(1), null);
            em.persist(new Patient("sub-outsider", "O", new EmergencyContact("C", "+1 555 0100"), NOW));
            member(em, "sub-voided", program, group, MONDAY.minusWeeks(1), null)
                    .voidEnteredInError("Wrong patient chosen (synthetic)", "sub-admin", NOW);
        });
    }

    private Membership member(EntityManager em, String subject, Program program, TherapyGroup into,
                              LocalDate from, EnrollmentStatus endedAs) {
        Patient patient = new Patient(subject, "P", new EmergencyContact("C", "+1 555 0100"), NOW);
        Enrollment enrollment = new Enrollment(patient.id(), program.id(), from, null, NOW);
        Membership membership = into.admit(patient.id(), from, enrollment, List.of(), NOW);
        em.persist(patient);
        em.persist(enrollment);
        em.persist(membership);
        // Consent given: these tests are about the roster (ConsentContract covers consent at the join).
        care.mend.consent.ConsentFixture.acceptAll(em, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC),
                program.id(), patient.id());
        if (endedAs != null) {
            enrollment.endWith(endedAs, MONDAY.minusDays(1), "stepped down", NOW);
            membership.end(MONDAY.minusDays(1), "enrollment ended", NOW);
        }
        return membership;
    }

    @AfterAll
    void close() {
        emf.close();
    }

    @Test
    void anActiveEnrolledMemberMayJoinTheRoomOfTheirGroupOnly() {
        assertJoin("sub-member", Role.PATIENT, group, MONDAY, true);
        assertJoin("sub-member", Role.PATIENT, otherGroup, MONDAY, false);
    }

    @Test
    void aDischargedOrNotYetStartedOrOutsidePatientMayNot() {
        assertJoin("sub-discharged", Role.PATIENT, group, MONDAY, false);
        assertJoin("sub-future", Role.PATIENT, group, MONDAY, false);
        assertJoin("sub-future", Role.PATIENT, group, MONDAY.plusWeeks(1), true);
        assertJoin("sub-outsider", Role.PATIENT, group, MONDAY, false);
    }

    @Test
    void facilitatorsMayJoinTheirGroupsAndSupervisorsMayNotJoinRooms() {
        assertJoin("sub-facilitator", Role.FACILITATOR, group, MONDAY, true);
        assertJoin("sub-supervisor", Role.SUPERVISOR, group, MONDAY, false);
        assertJoin("sub-member", Role.FACILITATOR, group, MONDAY, false); // a role without a staff record
    }

    @Test
    void theReachOfEachRole() {
        assertThat(reach("sub-supervisor", Role.SUPERVISOR).supervisedSites()).containsExactly(site.id());
        assertThat(reach("sub-facilitator", Role.FACILITATOR).facilitatedGroups())
                .containsExactlyInAnyOrder(group.id(), otherGroup.id());
        assertThat(reach("sub-member", Role.PATIENT).ownGroups()).containsExactly(group.id());
        assertThat(reach("anyone", Role.ADMIN).everything()).isTrue();
        java.util.Optional<Set<java.util.UUID>> visible =
                withEntityManager(em -> policy("sub-member", Role.PATIENT, em).visibleGroups());
        assertThat(visible).contains(Set.of(group.id()));
    }

    @Test
    void aVoidedMembershipGivesNoReachNorASeatInTheRoom() {
        java.util.UUID voided = withEntityManager(em -> em.createQuery(
                "select p.id from Patient p where p.idpSubject = 'sub-voided'", java.util.UUID.class)
                .getSingleResult());
        assertThat(reach("sub-voided", Role.PATIENT).ownGroups()).isEmpty();
        java.util.Optional<Set<java.util.UUID>> visible =
                withEntityManager(em -> policy("sub-facilitator", Role.FACILITATOR, em).visiblePatients());
        assertThat(visible.orElseThrow()).doesNotContain(voided);
        assertJoin("sub-voided", Role.PATIENT, group, MONDAY, false);
        assertJoin("sub-voided", Role.PATIENT, group, MONDAY.minusWeeks(1), false);
    }

    @Test
    void voidingAMembershipIsForAdminsAndEachRequestIsAudited() {
        java.util.UUID membershipId = java.util.UUID.randomUUID();
        java.util.UUID patientId = java.util.UUID.randomUUID();
        for (Role role : List.of(Role.SUPERVISOR, Role.FACILITATOR, Role.PATIENT)) {
            inTransaction(em -> assertThatThrownBy(() -> policy("sub-supervisor", role, em)
                    .voidMembership(membershipId, patientId, group.id(), () -> "changed"))
                    .isInstanceOfSatisfying(MendException.class,
                            e -> assertThat(e.code()).isEqualTo(ProblemCode.ACCESS_DENIED)));
        }
        inTransaction(em -> assertThat(policy("sub-admin", Role.ADMIN, em)
                .voidMembership(membershipId, patientId, group.id(), () -> "changed")).isEqualTo("changed"));

        List<AccessAuditEntry> rows = withEntityManager(em -> em.createQuery(
                "select a from AccessAuditEntry a where a.action = 'VOID_MEMBERSHIP' and a.resourceId = :id",
                AccessAuditEntry.class).setParameter("id", membershipId.toString()).getResultList());
        assertThat(rows).extracting(AccessAuditEntry::outcome).containsExactlyInAnyOrder(AccessOutcome.DENIED,
                AccessOutcome.DENIED, AccessOutcome.DENIED, AccessOutcome.ALLOWED);
        assertThat(rows).allSatisfy(row -> assertThat(row.patientId()).isEqualTo(patientId));
    }

    @Test
    void signingASessionOffWithAttendanceOrAsNotHeldIsForItsFacilitatorsAndAdmins() {
        inTransaction(em -> em.persist(new StaffMember("sub-other-facilitator", "O", NOW)));
        assertSign("sub-facilitator", Role.FACILITATOR, true);
        assertSign("anyone", Role.ADMIN, true);
        assertSign("sub-other-facilitator", Role.FACILITATOR, false);
        assertSign("sub-supervisor", Role.SUPERVISOR, false);
        assertSign("sub-member", Role.PATIENT, false);
    }

    @Test
    void onlyAdminsAddMakeUpGuestsAndEachRequestIsOneRowWithItsPatients() {
        java.util.UUID guest = java.util.UUID.randomUUID();
        java.util.UUID session = java.util.UUID.randomUUID();
        for (Role notAdmin : List.of(Role.FACILITATOR, Role.SUPERVISOR, Role.PATIENT)) {
            String subject = notAdmin == Role.FACILITATOR ? "sub-facilitator" : notAdmin == Role.SUPERVISOR
                    ? "sub-supervisor" : "sub-member";
            inTransaction(em -> assertThatThrownBy(() -> policy(subject, notAdmin, em).addGuests(group.id(),
                    session, () -> guest, List::of)).isInstanceOfSatisfying(MendException.class,
                    e -> assertThat(e.code()).isEqualTo(ProblemCode.ACCESS_DENIED)));
        }
        inTransaction(em -> assertThat(policy("sub-admin", Role.ADMIN, em).addGuests(group.id(), session,
                () -> guest, List::of)).isEqualTo(guest));

        List<AccessAuditEntry> rows = withEntityManager(em -> em.createQuery("select a from AccessAuditEntry a"
                + " where a.action = 'ADD_GUEST' and a.sessionId = :s", AccessAuditEntry.class)
                .setParameter("s", session).getResultList());
        assertThat(rows).hasSize(4);
        assertThat(rows).filteredOn(e -> e.outcome() == AccessOutcome.ALLOWED).singleElement()
                .satisfies(e -> assertThat(e.actorSubject()).isEqualTo("sub-admin"));
    }

    @Test
    void aMakeUpGuestReadsTheSessionTheyAreAGuestOfAndNoOtherPatientDoes() {
        java.util.UUID outsider = withEntityManager(em -> em.createQuery(
                "select p.id from Patient p where p.idpSubject = 'sub-outsider'", java.util.UUID.class)
                .getSingleResult());
        inTransaction(em -> {
            policy("sub-outsider", Role.PATIENT, em).requireReadSession(otherGroup.id(), List.of(outsider));
            policy("sub-member", Role.PATIENT, em).requireReadSession(group.id(), List.of());
            assertThatThrownBy(() -> policy("sub-outsider", Role.PATIENT, em).requireReadSession(otherGroup.id(),
                    List.of())).isInstanceOfSatisfying(MendException.class,
                    e -> assertThat(e.code()).isEqualTo(ProblemCode.ACCESS_DENIED));
            assertThatThrownBy(() -> policy("sub-member", Role.PATIENT, em).requireReadSession(otherGroup.id(),
                    List.of(outsider))).isInstanceOf(MendException.class);
            assertThat(policy("sub-outsider", Role.PATIENT, em).ownPatientId()).contains(outsider);
        });
    }

    private void assertSign(String subject, Role role, boolean allowed) {
        inTransaction(em -> {
            AccessPolicy policy = policy(subject, role, em);
            if (allowed) {
                policy.requireSignAttendance(group.id());
            } else {
                assertThatThrownBy(() -> policy.requireSignAttendance(group.id()))
                        .as(subject).isInstanceOfSatisfying(MendException.class,
                                e -> assertThat(e.code()).isEqualTo(ProblemCode.ACCESS_DENIED));
            }
        });
    }

    @Test
    void signingOffOrAmendingIsDecidedFromThePathAndEveryRefusalIsLoggedWithItsScope() {
        java.util.UUID[] ids = new java.util.UUID[3];
        inTransaction(em -> {
            em.persist(new StaffMember("sub-stranger", "S", NOW));
            GroupSession session = new GroupSession(group.id(),
                    SessionScheduler.expand(group.schedule(), MONDAY.minusWeeks(3), MONDAY.minusWeeks(3)).get(0), NOW);
            em.persist(session);
            Patient patient = new Patient("sub-recorded", "R", new EmergencyContact("C", "+1 555 0100"), NOW);
            em.persist(patient);
            SessionAttendance absent = care.mend.attendance.AttendanceCalculator.calculate(session.startsAt(),
                    session.endsAt(), session.endsAt(), List.of(), false, care.mend.attendance.AttendanceRules.DEFAULT);
            AttendanceRecord record = new AttendanceRecord(session.id(), patient.id(), absent, NOW);
            em.persist(new care.mend.attendance.AttendanceSignOff(session.id(), "sub-facilitator", NOW));
            em.flush();
            em.persist(record);
            ids[0] = session.id();
            ids[1] = record.id();
            ids[2] = patient.id();
        });
        java.util.UUID session = ids[0];
        java.util.UUID record = ids[1];
        java.util.UUID unknown = java.util.UUID.randomUUID();

        assertDecision("sub-facilitator", Role.FACILITATOR,
                p -> p.requireSignSessionAttendance(session, AuditAction.SIGN_OFF), true);
        assertDecision("anyone", Role.ADMIN, p -> p.requireSignSessionAttendance(session, AuditAction.SIGN_OFF), true);
        assertDecision("sub-stranger", Role.FACILITATOR,
                p -> p.requireSignSessionAttendance(session, AuditAction.SIGN_OFF_NOT_HELD), false);
        assertDecision("sub-supervisor", Role.SUPERVISOR,
                p -> p.requireSignSessionAttendance(session, AuditAction.SIGN_OFF), false);
        assertDecision("sub-facilitator", Role.FACILITATOR, p -> p.requireAmendAttendanceRecord(record), true);
        assertDecision("sub-member", Role.PATIENT, p -> p.requireAmendAttendanceRecord(record), false);
        // An unknown id: admins go on to the resource's 404; anyone else is refused and learns nothing.
        assertDecision("anyone", Role.ADMIN, p -> p.requireAmendAttendanceRecord(unknown), true);
        assertDecision("sub-facilitator", Role.FACILITATOR,
                p -> p.requireSignSessionAttendance(unknown, AuditAction.SIGN_OFF), false);
        assertDecision("sub-facilitator", Role.FACILITATOR, p -> p.requireAmendAttendanceRecord(unknown), false);

        assertThat(denials("sub-stranger", AuditAction.SIGN_OFF, AuditAction.SIGN_OFF_NOT_HELD)).singleElement().satisfies(e -> {
            assertThat(e.action()).contains(AuditAction.SIGN_OFF_NOT_HELD);
            assertThat(e.sessionId()).isEqualTo(session);
            assertThat(e.groupId()).isEqualTo(group.id());
        });
        assertThat(denials("sub-member", AuditAction.AMEND)).singleElement().satisfies(e -> {
            assertThat(e.action()).contains(AuditAction.AMEND);
            assertThat(e.patientId()).isEqualTo(ids[2]);
            assertThat(e.groupId()).isEqualTo(group.id());
        });
        assertThat(denials("sub-facilitator", AuditAction.SIGN_OFF, AuditAction.AMEND)).hasSize(2);
        assertThat(denials("anyone", AuditAction.values())).isEmpty();
    }

    @Test
    void aRosterOrAReportRefusedBeforeItsParametersAreReadIsLogged() {
        assertDecision("sub-supervisor", Role.SUPERVISOR, p -> p.requireReadRoster(group.id()), true);
        assertDecision("sub-roster-patient", Role.PATIENT, p -> p.requireReadRoster(group.id()), false);
        AuditedAccess report = AuditedAccess.of(AuditAction.EXPORT_CSV, "attendance-report", null).group(group.id());
        assertDecision("sub-supervisor", Role.SUPERVISOR, p -> p.requireStaffFor(report), true);
        assertDecision("sub-report-patient", Role.PATIENT, p -> p.requireStaffFor(report), false);

        assertThat(denials("sub-roster-patient", AuditAction.READ_ROSTER)).singleElement()
                .satisfies(e -> assertThat(e.action()).contains(AuditAction.READ_ROSTER));
        assertThat(denials("sub-report-patient", AuditAction.EXPORT_CSV)).singleElement().satisfies(e -> {
            assertThat(e.action()).contains(AuditAction.EXPORT_CSV);
            assertThat(e.groupId()).isEqualTo(group.id());
            assertThat(e.siteId()).isEqualTo(site.id()); // so the site's supervisors see it
        });
        assertThat(denials("sub-supervisor", AuditAction.READ_ROSTER, AuditAction.EXPORT_CSV)).isEmpty();
    }

    @Test
    void aRefusedChangeOfPatientDataIsLoggedWithThePatientItsRecordNames() {
        java.util.UUID membership = withEntityManager(em -> em.createQuery("select m.id from Membership m,"
                + " Patient p where m.patientId = p.id and p.idpSubject = 'sub-member'", java.util.UUID.class)
                .getResultList().get(0));
        java.util.UUID patient = withEntityManager(em -> em.createQuery("select p.id from Patient p"
                + " where p.idpSubject = 'sub-member'", java.util.UUID.class).getSingleResult());
        assertDecision("anyone", Role.ADMIN,
                p -> p.requireAdminToChange(WriteAccess.PatientData.MEMBERSHIP, membership), true);
        assertDecision("sub-supervisor", Role.SUPERVISOR,
                p -> p.requireAdminToChange(WriteAccess.PatientData.MEMBERSHIP, membership), false);
        assertDecision("sub-supervisor", Role.SUPERVISOR,
                p -> p.requireAdminToChange(WriteAccess.PatientData.NEW_RECORD, null), false);

        assertThat(denials("sub-supervisor", AuditAction.CHANGE_PATIENT_DATA)).hasSize(2)
                .anySatisfy(e -> {
                    assertThat(e.patientId()).isEqualTo(patient);
                    assertThat(e.groupId()).isEqualTo(group.id());
                    assertThat(e.siteId()).isEqualTo(site.id());
                });
    }

    private void assertDecision(String subject, Role role, Consumer<AccessPolicy> decision, boolean allowed) {
        inTransaction(em -> {
            AccessPolicy policy = policy(subject, role, em);
            if (allowed) {
                decision.accept(policy);
            } else {
                assertThatThrownBy(() -> decision.accept(policy)).as(subject)
                        .isInstanceOfSatisfying(MendException.class,
                                e -> assertThat(e.code()).isEqualTo(ProblemCode.ACCESS_DENIED));
            }
        });
    }

    /** The subject's refusals of these actions (other tests of the class leave refusals of their own). */
    private List<AccessAuditEntry> denials(String subject, AuditAction... actions) {
        List<String> names = java.util.Arrays.stream(actions).map(Enum::name).toList();
        return withEntityManager(em -> em.createQuery("select a from AccessAuditEntry a where a.actorSubject = :s"
                + " and a.outcome = :o", AccessAuditEntry.class).setParameter("s", subject)
                .setParameter("o", AccessOutcome.DENIED).getResultList()).stream()
                .filter(e -> names.contains(e.storedAction())).toList();
    }

    @Test
    void aRefusedJoinIsAuditedAsDenied() {
        assertJoin("sub-outsider", Role.PATIENT, group, MONDAY, false);

        List<AccessAuditEntry> denied = withEntityManager(em -> em.createQuery(
                "select a from AccessAuditEntry a where a.actorSubject = 'sub-outsider' and a.action = 'JOIN_ROOM'",
                AccessAuditEntry.class).getResultList());
        assertThat(denied).isNotEmpty().allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AccessOutcome.DENIED));
    }

    private void assertJoin(String subject, Role role, TherapyGroup into, LocalDate day, boolean allowed) {
        inTransaction(em -> {
            AccessPolicy policy = policy(subject, role, em);
            SessionRoster roster = new Rosters(em).of(sessionOn(em, into, day));
            if (allowed) {
                policy.requireJoinRoom(roster);
            } else {
                assertThatThrownBy(() -> policy.requireJoinRoom(roster))
                        .isInstanceOfSatisfying(MendException.class,
                                e -> assertThat(e.code()).isEqualTo(ProblemCode.ACCESS_DENIED));
            }
        });
    }

    /** The group's session on that day, stored the first time it is asked for. */
    private static GroupSession sessionOn(EntityManager em, TherapyGroup group, LocalDate day) {
        return em.createQuery("select s from GroupSession s where s.groupId = :g and s.localDate = :d",
                        GroupSession.class).setParameter("g", group.id()).setParameter("d", day).getResultStream()
                .findFirst().orElseGet(() -> {
                    GroupSession session = new GroupSession(group.id(),
                            SessionScheduler.expand(group.schedule(), day, day).get(0), NOW);
                    em.persist(session);
                    return session;
                });
    }

    @Test
    void aPatientWhoseLoginWasDisabledIsRefusedWhateverTheyAskAndOthersAreNot() {
        inTransaction(em -> {
            Patient disabled = new Patient("sub-disabled", "D", new EmergencyContact("C", "+1 555 0100"), NOW);
            disabled.recordLogin(care.mend.program.Login.disabled(null));
            em.persist(disabled);
        });
        assertThatThrownBy(() -> withEntityManager(em -> {
            policy("sub-disabled", Role.PATIENT, em).requireCallable(false);
            return null;
        })).isInstanceOfSatisfying(MendException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.LOGIN_DISABLED));
        withEntityManager(em -> {
            policy("sub-member", Role.PATIENT, em).requireCallable(false);
            policy("sub-facilitator", Role.FACILITATOR, em).requireCallable(false);
            return null;
        });
    }

    @Test
    void anIntegrationReadsTheReportOfEverySiteAndNothingElse() {
        withEntityManager(em -> {
            AccessPolicy integration = policy("sub-integration", Role.INTEGRATION, em);
            integration.requireCallable(true);
            assertThatThrownBy(() -> integration.requireCallable(false)).isInstanceOfSatisfying(
                    MendException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.ACCESS_DENIED));
            assertThat(integration.reportGroups()).as("all groups").isEmpty();
            assertThatThrownBy(integration::requireAdmin).isInstanceOf(MendException.class);
            assertThatThrownBy(integration::requireStaff).isInstanceOf(MendException.class);
            assertThat(policy("sub-supervisor", Role.SUPERVISOR, em).reportGroups()).get(
                    org.assertj.core.api.InstanceOfAssertFactories.collection(java.util.UUID.class))
                    .contains(group.id()).doesNotContain(otherGroup.id());
            return null;
        });
        inTransaction(em -> {
            AccessPolicy integration = policy("sub-integration", Role.INTEGRATION, em);
            integration.requireReportReader(AuditedAccess.of(AuditAction.EXPORT_CSV, "attendance-report", null));
            String read = integration.report(AuditedAccess.of(AuditAction.EXPORT_CSV, "attendance-report", null),
                    () -> "rows", rows -> Disclosure.NOTHING);
            assertThat(read).isEqualTo("rows");
        });
        List<Object[]> rows = withEntityManager(em -> em.createNativeQuery("select actor_subject, actor_roles,"
                + " outcome from access_audit where action = 'EXPORT_CSV' and actor_subject = 'sub-integration'")
                .getResultList());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[1].toString()).as("the integration is the actor, with its role").contains("integration");
        assertThat(rows.get(0)[2]).isEqualTo("ALLOWED");
    }

    @Test
    void onlyAnAdminChangesALoginAndTheChangeIsInTheAccessLogWithThePatient() {
        Patient patient = withEntityManager(em -> em.createQuery("select p from Patient p where p.idpSubject ="
                + " 'sub-outsider'", Patient.class).getSingleResult());
        inTransaction(em -> policy("sub-admin", Role.ADMIN, em).loginChange(AuditAction.DISABLE_LOGIN,
                patient.id(), () -> null));
        assertThatThrownBy(() -> inTransaction(em -> policy("sub-supervisor", Role.SUPERVISOR, em)
                .loginChange(AuditAction.DISABLE_LOGIN, patient.id(), () -> null))).isInstanceOf(MendException.class);
        // The refusal's row is written in a transaction of its own on the server (REQUIRES_NEW), not here.
        List<Object[]> rows = withEntityManager(em -> em.createNativeQuery("select outcome, cast(patient_id as varchar(36)) from"
                + " access_audit where action = 'DISABLE_LOGIN' and outcome = 'ALLOWED'").getResultList());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[1].toString()).isEqualTo(patient.id().toString());
    }

    private Reach reach(String subject, Role role) {
        return withEntityManager(em -> policy(subject, role, em).reach());
    }

    private static AccessPolicy policy(String subject, Role role, EntityManager em) {
        AccessPolicy policy = new AccessPolicy();
        policy.user = new CurrentUser(subject, EnumSet.of(role), "127.0.0.1");
        policy.em = em;
        policy.audit = new AccessAuditLog(em, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        return policy;
    }

    private void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private <T> T withEntityManager(java.util.function.Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }
}
