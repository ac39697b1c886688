package care.mend.attendance;

import static care.mend.MendAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.EmergencyContact;
import care.mend.program.Enrollment;
import care.mend.program.EnrollmentService;
import care.mend.program.JpaEnrollmentRepository;
import care.mend.program.JpaPatientRepository;
import care.mend.program.JpaProgramRepository;
import care.mend.program.JpaSiteRepository;
import care.mend.program.Patient;
import care.mend.program.Program;
import care.mend.program.ProgramKind;
import care.mend.program.ProgramPlan;
import care.mend.program.Site;
import care.mend.program.StaffMember;
import care.mend.schedule.GroupSession;
import care.mend.schedule.Membership;
import care.mend.schedule.PlannedSession;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.WeeklySchedule;
import care.mend.security.AccessAuditLog;
import care.mend.security.AccessLogReader;
import care.mend.security.AccessOutcome;
import care.mend.security.AccessPolicy;
import care.mend.security.AuditAction;
import care.mend.security.AuditEntryResponse;
import care.mend.security.AuditFilter;
import care.mend.security.CurrentUser;
import care.mend.security.Role;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The access log through the real attendance resource, access policy and log reader on a real database: one row per
 * request (a report of many rows is one row, with the patients it returned beside it), refusals recorded (a patient
 * asking for the report, a facilitator signing another's group), sign-offs and amendments recorded, a supervisor's
 * view of their sites (rows without a patient included, other sites excluded), the filters, and names resolved when
 * the log is read, never stored.
 *
 * <p>Outside the container every call runs in the test's transaction; a refusal is caught inside it, so that its row
 * commits (on the server the log writes refusals in a transaction of their own).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessLogContract {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Instant CREATED = Instant.parse("2026-02-23T15:00:00Z");
    static final WeeklySchedule MONDAYS = new WeeklySchedule(CHICAGO,
            List.of(new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180)));

    private EntityManagerFactory emf;
    /** A second per call, so that rows have distinct times and come back in the order they were written. */
    private final TickingClock clock = new TickingClock(Instant.parse("2026-03-04T15:00:00Z"));

    abstract DataSource startDatabase() throws Exception;

    abstract void stopDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        emf = TestPersistence.migrateAndValidate(startDatabase());
    }

    @AfterAll
    void stop() throws Exception {
        if (emf != null) {
            emf.close();
        }
        stopDatabase();
    }

    // ---- the clinic ----

    /** A caller: their subject and role, and the record id they act as. */
    record Caller(String subject, Role role, UUID recordId) {
        CurrentUser user() {
            return new CurrentUser(subject, EnumSet.of(role), "192.0.2.7");
        }
    }

    /** One site's program, group and people, with one held session. */
    record SiteFixture(Site site, Program program, TherapyGroup group, Caller facilitator, Caller supervisor,
                       List<Patient> patients, List<Enrollment> enrollments, List<Caller> patientCallers,
                       GroupSession session) {
    }

    record Clinic(SiteFixture north, SiteFixture south, Caller admin) {
    }

    /** Two sites, each with a supervisor, a facilitator, a group and its patients; a fresh one for each test. */
    Clinic clinic() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        SiteFixture north = site("North " + tag, 3);
        SiteFixture south = site("South " + tag, 1);
        return new Clinic(north, south, new Caller("admin-" + tag, Role.ADMIN, null));
    }

    private SiteFixture site(String name, int patientCount) {
        return TestPersistence.inTransaction(emf, em -> {
            Site site = new Site(name + " Clinic", "Jackson", "TN", CHICAGO, CREATED);
            Program program = new Program(site.id(), name + " IOP", ProgramKind.SUBSTANCE_USE_IOP,
                    ProgramPlan.of(24, 3, 180), CREATED);
            StaffMember facilitator = new StaffMember("fac-" + UUID.randomUUID(), "Facilitator " + name, CREATED);
            StaffMember supervisor = new StaffMember("sup-" + UUID.randomUUID(), "Supervisor " + name, CREATED);
            supervisor.assignSite(site.id());
            TherapyGroup group = new TherapyGroup(name + " group", program.id(), site.id(), 12, MONDAYS,
                    Set.of(facilitator.id()), CREATED);
            for (Object entity : List.of(site, program, facilitator, supervisor, group)) {
                em.persist(entity);
            }
            List<Patient> patients = new ArrayList<>();
            List<Enrollment> enrollments = new ArrayList<>();
            List<Caller> callers = new ArrayList<>();
            List<Membership> memberships = new ArrayList<>();
            for (int i = 0; i < patientCount; i++) {
                Patient patient = new Patient("pat-" + UUID.randomUUID(), "Patient " + i + " of " + name,
                        new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
                Enrollment enrollment = new Enrollment(patient.id(), program.id(), MONDAY, null, CREATED);
                Membership membership = group.admit(patient.id(), MONDAY, enrollment, memberships, CREATED);
                em.persist(patient);
                em.persist(enrollment);
                em.persist(membership);
                patients.add(patient);
                enrollments.add(enrollment);
                memberships.add(membership);
                callers.add(new Caller(patient.idpSubject(), Role.PATIENT, patient.id()));
            }
            PlannedSession planned = SessionScheduler.expand(MONDAYS, MONDAY, MONDAY).get(0);
            GroupSession session = new GroupSession(group.id(), planned, CREATED);
            em.persist(session);
            session.goLive(session.startsAt());
            session.end(session.endsAt());
            return new SiteFixture(site, program, group,
                    new Caller(facilitator.idpSubject(), Role.FACILITATOR, facilitator.id()),
                    new Caller(supervisor.idpSubject(), Role.SUPERVISOR, supervisor.id()), patients, enrollments,
                    callers, session);
        });
    }

    // ---- requests ----

    /** One request to the attendance resource by {@code who}, wired as CDI would, in one transaction. */
    <T> T as(Caller who, Function<AttendanceResource, T> work) {
        return TestPersistence.inTransaction(emf, em -> work.apply(resource(who, em)));
    }

    /** A request that must be refused with ACCESS_DENIED; its log row commits. */
    void refused(Caller who, Consumer<AttendanceResource> work) {
        TestPersistence.run(emf, em -> assertRefused(() -> work.accept(resource(who, em)),
                ProblemCode.ACCESS_DENIED));
    }

    private AttendanceResource resource(Caller who, EntityManager em) {
        AttendanceResource resource = new AttendanceResource();
        resource.access = AccessPolicy.forSocket(who.user(), em, new AccessAuditLog(em, clock));
        resource.attendance = new AttendanceService(em, new LocationAttestations(em), clock);
        resource.reports = new AttendanceReports();
        resource.reports.em = em;
        resource.checkIns = new care.mend.checkin.CheckIns(em, clock);
        resource.enrollments = new EnrollmentService(new JpaEnrollmentRepository(em), new JpaPatientRepository(em),
                new JpaProgramRepository(em), new JpaSiteRepository(em), null, clock);
        return resource;
    }

    static ReportQuery query(SiteFixture at) {
        ReportQuery query = new ReportQuery();
        query.programId = at.program().id().toString();
        query.from = MONDAY.toString();
        query.to = MONDAY.plusDays(6).toString();
        return query;
    }

    /** The log as {@code reader} sees it: their visibility, the filter, the first 200 rows. */
    List<AuditEntryResponse> log(Caller reader, AuditFilter filter) {
        return page(reader, filter, PageRequest.first(200)).items();
    }

    Page<AuditEntryResponse> page(Caller reader, AuditFilter filter, PageRequest page) {
        return TestPersistence.inTransaction(emf, em -> {
            AccessPolicy policy = AccessPolicy.forSocket(reader.user(), em, new AccessAuditLog(em, clock));
            policy.requireAuditReader();
            return new AccessLogReader(em).list(filter, policy.auditVisibility(), page);
        });
    }

    static AuditFilter byPerson(Caller who) {
        return new AuditFilter(who.recordId(), null, null, null, null, null, null, null);
    }

    static AuditFilter bySite(SiteFixture at) {
        return new AuditFilter(null, null, null, null, null, at.site().id(), null, null);
    }

    /** Signs the site's session with its facilitator; returns the sheet. */
    AttendanceSheetResponse signed(SiteFixture at) {
        return as(at.facilitator(), r -> r.signOff(at.session().id(), null));
    }

    long rowsInLog() {
        return TestPersistence.inTransaction(emf, em -> ((Number) em.createNativeQuery(
                "select count(*) from access_audit").getSingleResult()).longValue());
    }

    // ---- the tests ----

    @Test
    void aPatientsRefusedReportCsvAndFhirRequestsAreRecordedDenied() {
        Clinic c = clinic();
        Caller patient = c.north().patientCallers().get(0);

        refused(patient, r -> r.report(query(c.north()), PageRequest.first(50)));
        refused(patient, r -> r.csv(new ReportQuery()));
        refused(patient, r -> r.fhir(new ReportQuery()));

        List<AuditEntryResponse> rows = log(c.admin(), byPerson(patient));
        assertThat(rows).extracting(AuditEntryResponse::action)
                .containsExactly("EXPORT_FHIR", "EXPORT_CSV", "READ_REPORT");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.outcome()).isEqualTo(AccessOutcome.DENIED);
            assertThat(row.actorPatientId()).isEqualTo(patient.recordId());
            assertThat(row.actorDisplayName()).isEqualTo("Patient 0 of " + c.north().site().name()
                    .replace(" Clinic", ""));
            assertThat(row.actorRoles()).isEqualTo("patient");
            assertThat(row.patientCount()).isZero();
        });
        assertThat(rows.get(2).programId()).isEqualTo(c.north().program().id());
        assertThat(rows.get(2).siteId()).isEqualTo(c.north().site().id());
        assertThat(rows.get(2).filter()).isEqualTo("from=2026-03-02&to=2026-03-08");
        // Without a filter, the refusal touched the patient's own site: its supervisor sees it, the other does not.
        assertThat(log(c.north().supervisor(), byPerson(patient))).hasSize(3);
        assertThat(log(c.south().supervisor(), byPerson(patient))).isEmpty();
    }

    @Test
    void aDashboardStyleReportLoadWritesOneRowWithItsFilterAndThePatientsItReturned() {
        Clinic c = clinic();
        signed(c.north());
        long before = rowsInLog();

        AttendanceReportResponse report = as(c.north().supervisor(),
                r -> r.report(query(c.north()), PageRequest.first(50)));

        assertThat(report.items()).hasSize(3);
        assertThat(rowsInLog()).as("one row for the request, not one per record listed").isEqualTo(before + 1);
        AuditEntryResponse row = log(c.admin(), byPerson(c.north().supervisor())).get(0);
        assertThat(row.action()).isEqualTo("READ_REPORT");
        assertThat(row.outcome()).isEqualTo(AccessOutcome.ALLOWED);
        assertThat(row.actorStaffId()).isEqualTo(c.north().supervisor().recordId());
        assertThat(row.actorDisplayName()).isEqualTo("Supervisor " + c.north().site().name().replace(" Clinic", ""));
        assertThat(row.patientId()).as("a report of several patients concerns no single one").isNull();
        assertThat(row.patientCount()).isEqualTo(3);
        assertThat(row.programId()).isEqualTo(c.north().program().id());
        assertThat(row.siteId()).isEqualTo(c.north().site().id());
        assertThat(row.siteName()).isEqualTo(c.north().site().name());
        assertThat(row.filter()).isEqualTo("from=2026-03-02&to=2026-03-08");
        // Each patient the report returned can be traced to it.
        for (Patient patient : c.north().patients()) {
            assertThat(log(c.admin(), new AuditFilter(null, null, patient.id(), AuditAction.READ_REPORT, null, null,
                    null, null))).extracting(AuditEntryResponse::id).containsExactly(row.id());
        }

        // The program's progress chart: one request, one row, however many enrollments it shows.
        Page<EnrollmentProgressResponse> progress = as(c.north().supervisor(),
                r -> r.programProgress(c.north().program().id().toString(), PageRequest.first(50)));
        assertThat(progress.items()).hasSize(3).allSatisfy(p -> assertThat(p.patientDisplayName()).isNotBlank());
        assertThat(rowsInLog()).isEqualTo(before + 2);
        assertThat(log(c.admin(), byPerson(c.north().supervisor())).get(0)).satisfies(r -> {
            assertThat(r.action()).isEqualTo("READ_PROGRESS");
            assertThat(r.patientCount()).isEqualTo(3);
            assertThat(r.siteId()).isEqualTo(c.north().site().id());
        });
    }

    @Test
    void aSupervisorSeesEveryRowThatTouchedTheirSitesAndNoneOfAnotherSite() {
        Clinic c = clinic();
        signed(c.north());
        as(c.north().facilitator(), r -> r.sheet(c.north().session().id()));
        as(c.north().facilitator(), r -> r.csv(query(c.north())));
        as(c.north().facilitator(), r -> r.fhir(new ReportQuery()));
        refused(c.north().patientCallers().get(1), r -> r.report(new ReportQuery(), PageRequest.first(50)));
        as(c.south().facilitator(), r -> r.sheet(c.south().session().id()));
        as(c.south().facilitator(), r -> r.report(new ReportQuery(), PageRequest.first(50)));

        List<AuditEntryResponse> north = log(c.north().supervisor(), AuditFilter.NONE);
        assertThat(north).extracting(AuditEntryResponse::action)
                .containsExactly("READ_REPORT", "EXPORT_FHIR", "EXPORT_CSV", "READ_SHEET", "SIGN_OFF");
        assertThat(north).as("rows without a patient are there").allSatisfy(row ->
                assertThat(row.patientId()).isNull());
        assertThat(north.get(0).outcome()).isEqualTo(AccessOutcome.DENIED);
        assertThat(north.get(3).sessionId()).isEqualTo(c.north().session().id());
        assertThat(north.get(3).groupId()).isEqualTo(c.north().group().id());
        assertThat(north.get(3).patientCount()).isEqualTo(3);

        assertThat(log(c.south().supervisor(), AuditFilter.NONE)).extracting(AuditEntryResponse::action)
                .containsExactly("READ_REPORT", "READ_SHEET");
        assertThat(log(c.admin(), bySite(c.north()))).hasSize(5);
        assertThat(log(c.north().supervisor(), bySite(c.south()))).as("a filter never widens the view").isEmpty();
    }

    @Test
    void namesAreResolvedWhenTheLogIsReadAndNeverStored() {
        Clinic c = clinic();
        Patient patient = c.north().patients().get(0);
        Enrollment enrollment = c.north().enrollments().get(0);
        as(c.north().facilitator(), r -> r.progress(enrollment.id()));
        String oldStaffName = "Facilitator " + c.north().site().name().replace(" Clinic", "");
        assertThat(log(c.admin(), byPerson(c.north().facilitator())).get(0)).satisfies(row -> {
            assertThat(row.action()).isEqualTo("READ_PROGRESS");
            assertThat(row.actorDisplayName()).isEqualTo(oldStaffName);
            assertThat(row.patientId()).isEqualTo(patient.id());
            assertThat(row.patientDisplayName()).isEqualTo(patient.displayName());
        });

        TestPersistence.run(emf, em -> {
            em.find(StaffMember.class, c.north().facilitator().recordId()).rename("Renamed Facilitator R.");
            em.find(Patient.class, patient.id()).rename("Renamed Patient R.");
        });

        assertThat(log(c.north().supervisor(), byPerson(c.north().facilitator())).get(0)).satisfies(row -> {
            assertThat(row.actorDisplayName()).isEqualTo("Renamed Facilitator R.");
            assertThat(row.patientDisplayName()).isEqualTo("Renamed Patient R.");
        });
        List<String> stored = TestPersistence.inTransaction(emf, em -> {
            List<String> values = new ArrayList<>();
            for (String table : List.of("access_audit", "access_audit_patient", "access_audit_site")) {
                for (Object row : em.createNativeQuery("select * from " + table).getResultList()) {
                    for (Object value : row instanceof Object[] columns ? columns : new Object[] {row}) {
                        values.add(String.valueOf(value));
                    }
                }
            }
            return values;
        });
        assertThat(stored).isNotEmpty().noneMatch(value -> value.contains("Renamed")
                || value.contains(oldStaffName) || value.contains(patient.displayName()));
    }

    @Test
    void signOffsAndAmendmentsAreRecordedAndSoAreTheirRefusals() {
        Clinic c = clinic();
        Caller other = c.south().facilitator();
        refused(other, r -> r.signOff(c.north().session().id(), null));
        AttendanceSheetResponse sheet = signed(c.north());
        AttendanceLineResponse line = sheet.lines().get(0);
        AmendmentRequest amendment = new AmendmentRequest(AttendanceStatus.EXCUSED, 0, false, "Hospital visit", null,
                null);
        refused(other, r -> r.amend(line.recordId(), amendment));
        as(c.north().facilitator(), r -> r.amend(line.recordId(), amendment));

        List<AuditEntryResponse> north = log(c.north().supervisor(), AuditFilter.NONE);
        assertThat(north).extracting(AuditEntryResponse::action, AuditEntryResponse::outcome,
                AuditEntryResponse::actorStaffId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AMEND", AccessOutcome.ALLOWED, c.north().facilitator().recordId()),
                org.assertj.core.groups.Tuple.tuple("AMEND", AccessOutcome.DENIED, other.recordId()),
                org.assertj.core.groups.Tuple.tuple("SIGN_OFF", AccessOutcome.ALLOWED,
                        c.north().facilitator().recordId()),
                org.assertj.core.groups.Tuple.tuple("SIGN_OFF", AccessOutcome.DENIED, other.recordId()));
        assertThat(north.get(0).patientId()).isEqualTo(line.patientId());
        assertThat(north.get(0).resourceId()).isEqualTo(line.recordId().toString());
        assertThat(north.get(2).patientCount()).isEqualTo(3);
        assertThat(north.get(2).sessionId()).isEqualTo(c.north().session().id());
    }

    @Test
    void thePatientsLogShowsTheSignOffAndTheAmendmentAndARefusedAmendmentChangesNothing() {
        Clinic c = clinic();
        AttendanceLineResponse line = signed(c.north()).lines().get(0);
        assertThat(line.status()).isEqualTo(AttendanceStatus.ABSENT);
        AmendmentRequest inconsistent = new AmendmentRequest(AttendanceStatus.PRESENT, 0, false,
                "Joined by phone (synthetic)", null, null);
        assertRefused(() -> as(c.north().facilitator(), r -> r.amend(line.recordId(), inconsistent)),
                ProblemCode.AMENDMENT_INCONSISTENT);
        AttendanceLineResponse amended = as(c.north().facilitator(), r -> r.amend(line.recordId(),
                new AmendmentRequest(AttendanceStatus.PRESENT, 150, true, "Joined by phone (synthetic)",
                        java.util.Map.of("AUDIO_VIDEO", 0, "AUDIO_ONLY", 150, "NONE", 0), null)));
        assertThat(amended.status()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(amended.original().status()).isEqualTo(AttendanceStatus.ABSENT);
        assertThat(amended.minutesByModality()).containsEntry("AUDIO_ONLY", 150L);
        assertThat(amended.amendments()).singleElement().satisfies(a -> {
            assertThat(a.afterMinutesByModality()).containsEntry("AUDIO_ONLY", 150L);
            assertThat(a.beforeMinutesByModality()).containsEntry("AUDIO_ONLY", 0L);
        });

        List<AuditEntryResponse> patientsLog = log(c.north().supervisor(), new AuditFilter(null, null,
                line.patientId(), null, null, null, null, null));
        assertThat(patientsLog).extracting(AuditEntryResponse::action, AuditEntryResponse::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AMEND", AccessOutcome.ALLOWED),
                org.assertj.core.groups.Tuple.tuple("SIGN_OFF", AccessOutcome.ALLOWED));
        assertThat(patientsLog).allSatisfy(row -> {
            assertThat(row.sessionId()).isEqualTo(c.north().session().id());
            assertThat(row.actorStaffId()).isEqualTo(c.north().facilitator().recordId());
        });
        assertThat(patientsLog.get(0).patientId()).isEqualTo(line.patientId());
        assertThat(patientsLog.get(0).patientDisplayName()).isEqualTo(c.north().patients().stream()
                .filter(p -> p.id().equals(line.patientId())).findFirst().orElseThrow().displayName());
    }

    @Test
    void theLogFiltersByPersonPatientActionOutcomeAndTimeAndPages() {
        Clinic c = clinic();
        Patient first = c.north().patients().get(0);
        Instant start = clock.instant();
        signed(c.north());
        as(c.north().facilitator(), r -> r.progress(c.north().enrollments().get(1).id()));
        Instant middle = clock.instant();
        refused(c.north().patientCallers().get(0), r -> r.progress(c.north().enrollments().get(2).id()));
        as(c.north().supervisor(), r -> r.report(query(c.north()), PageRequest.first(50)));
        Caller supervisor = c.north().supervisor();

        assertThat(log(supervisor, new AuditFilter(null, null, first.id(), null, null, null, null, null)))
                .as("the patient's own refusal is about another patient; the sign-off and report returned theirs")
                .extracting(AuditEntryResponse::action).containsExactly("READ_REPORT", "SIGN_OFF");
        assertThat(log(supervisor, new AuditFilter(null, null, c.north().patients().get(2).id(), null,
                AccessOutcome.DENIED, null, null, null))).singleElement().satisfies(row -> {
                    assertThat(row.actorPatientId()).isEqualTo(first.id());
                    assertThat(row.patientDisplayName()).isEqualTo(c.north().patients().get(2).displayName());
                });
        assertThat(log(supervisor, new AuditFilter(null, null, null, AuditAction.READ_PROGRESS, null, null, null,
                null))).hasSize(2);
        assertThat(log(supervisor, new AuditFilter(c.north().facilitator().recordId(), null, null, null, null, null,
                start, middle))).extracting(AuditEntryResponse::action).containsExactly("READ_PROGRESS", "SIGN_OFF");
        assertThat(log(supervisor, new AuditFilter(null, null, null, null, null, null, middle, null))).hasSize(2);
        assertThat(log(supervisor, new AuditFilter(null, c.north().facilitator().subject(), null, null, null, null,
                null, null))).hasSize(2);

        Page<AuditEntryResponse> second = page(supervisor, AuditFilter.NONE, new PageRequest(1, 3));
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.items()).extracting(AuditEntryResponse::action).containsExactly("SIGN_OFF");
    }

    @Test
    void aSupervisorSeesTheRowButNotTheNameOfAPatientOfAnotherSite() {
        Clinic c = clinic();
        Caller outsider = c.south().patientCallers().get(0);
        refused(outsider, r -> r.sheet(c.north().session().id()));

        AuditEntryResponse seenNorth = log(c.north().supervisor(), byPerson(outsider)).get(0);
        assertThat(seenNorth.action()).isEqualTo("READ_SHEET");
        assertThat(seenNorth.outcome()).isEqualTo(AccessOutcome.DENIED);
        assertThat(seenNorth.actorPatientId()).isEqualTo(outsider.recordId());
        assertThat(seenNorth.actorDisplayName()).as("42 CFR Part 2: not this supervisor's patient").isNull();
        assertThat(log(c.admin(), byPerson(outsider)).get(0).actorDisplayName())
                .isEqualTo(c.south().patients().get(0).displayName());
        assertThat(log(c.south().supervisor(), byPerson(outsider))).as("it touched the north site only").isEmpty();
    }

    @Test
    void rowsWrittenBeforeV10AreReadAsTheActionTheyWereAndShownByTheirPatient() {
        Clinic c = clinic();
        Patient patient = c.north().patients().get(0);
        TestPersistence.run(emf, em -> em.createNativeQuery("insert into access_audit (id, occurred_at,"
                        + " actor_subject, actor_roles, action, resource_type, patient_id, outcome, remote_address)"
                        + " values (?, ?, ?, 'facilitator', 'LIST_ATTENDANCE-REPORT', 'attendance-report', ?,"
                        + " 'ALLOWED', '127.0.0.1')")
                .setParameter(1, UUID.randomUUID()).setParameter(2, clock.instant())
                .setParameter(3, c.north().facilitator().subject()).setParameter(4, patient.id()).executeUpdate());

        List<AuditEntryResponse> rows = log(c.north().supervisor(), new AuditFilter(null, null, null,
                AuditAction.READ_REPORT, null, null, null, null));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("READ_REPORT");
            assertThat(row.actorStaffId()).isNull();
            assertThat(row.actorDisplayName()).as("linked by subject")
                    .isEqualTo("Facilitator " + c.north().site().name().replace(" Clinic", ""));
            assertThat(row.patientDisplayName()).isEqualTo(patient.displayName());
        });
        assertThat(log(c.south().supervisor(), AuditFilter.NONE)).isEmpty();
    }

    /** A clock that moves one second each time it is read. */
    static final class TickingClock extends Clock {

        private final Instant start;
        private final AtomicLong ticks = new AtomicLong();

        TickingClock(Instant start) {
            this.start = start;
        }

        @Override
        public Instant instant() {
            return start.plusSeconds(ticks.incrementAndGet());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
