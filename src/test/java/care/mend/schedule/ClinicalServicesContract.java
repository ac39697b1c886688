package care.mend.schedule;

import static care.mend.MendAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.EmergencyContact;
import care.mend.program.Enrollment;
import care.mend.program.EnrollmentEnded;
import care.mend.program.EnrollmentService;
import care.mend.program.EnrollmentStatus;
import care.mend.program.JpaEnrollmentRepository;
import care.mend.program.JpaPatientRepository;
import care.mend.program.JpaProgramRepository;
import care.mend.program.JpaSiteRepository;
import care.mend.program.JpaStaffMemberRepository;
import care.mend.program.Patient;
import care.mend.program.PatientService;
import care.mend.program.Program;
import care.mend.program.ProgramKind;
import care.mend.program.ProgramPlan;
import care.mend.program.ProgramService;
import care.mend.program.Site;
import care.mend.program.SiteService;
import care.mend.program.StaffMember;
import care.mend.program.StaffService;
import care.mend.schedule.demo.DemoData;
import care.mend.schedule.demo.DemoIdentities;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The application services on a real database, outside the container: each call runs in its own transaction and
 * entity manager, as a request would. Proves the JPQL of the repositories, the locks, the event that ends
 * memberships with their enrollment, and generation without duplicates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ClinicalServicesContract {

    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final List<ScheduleSlot> MON_WED_THU = TherapyGroupTest.MON_WED_THU.slots();
    static final PageRequest ALL = PageRequest.first(200);

    private EntityManagerFactory emf;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

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

    /** The services of one request, all on one entity manager, wired as CDI would. */
    record Services(SiteService sites, PatientService patients, StaffService staff, ProgramService programs,
                    EnrollmentService enrollments, TherapyGroupService groups, MembershipService memberships,
                    GroupSessionService sessions, DemoData demo) {
    }

    private Services wire(EntityManager em) {
        return wire(em, clock);
    }

    private Services wire(EntityManager em, Clock clock) {
        var siteRepo = new JpaSiteRepository(em);
        var patientRepo = new JpaPatientRepository(em);
        var staffRepo = new JpaStaffMemberRepository(em);
        var programRepo = new JpaProgramRepository(em);
        var enrollmentRepo = new JpaEnrollmentRepository(em);
        var groupRepo = new JpaTherapyGroupRepository(em);
        var membershipRepo = new JpaMembershipRepository(em);
        var sessionRepo = new JpaGroupSessionRepository(em);
        var membershipService = new MembershipService(groupRepo, membershipRepo, patientRepo, enrollmentRepo, clock);
        var siteService = new SiteService(siteRepo, clock);
        var patientService = new PatientService(patientRepo, clock);
        var staffService = new StaffService(staffRepo, siteRepo, clock);
        var programService = new ProgramService(programRepo, siteRepo, clock);
        var enrollmentService = new EnrollmentService(enrollmentRepo, patientRepo, programRepo, siteRepo,
                new SynchronousEvent(membershipService), clock);
        var groupService = new TherapyGroupService(groupRepo, membershipRepo, programRepo, siteRepo, staffRepo,
                clock);
        var sessionService = new GroupSessionService(groupRepo, sessionRepo, patientRepo, enrollmentRepo,
                new Rosters(em), clock);
        return new Services(siteService, patientService, staffService, programService, enrollmentService,
                groupService, membershipService, sessionService,
                new DemoData(siteService, staffService, programService, patientService, enrollmentService,
                        groupService, membershipService, sessionService, new care.mend.consent.Consents(em, clock)));
    }

    /** One request: a transaction around the call. */
    <T> T call(Function<Services, T> work) {
        return TestPersistence.inTransaction(emf, em -> work.apply(wire(em)));
    }

    /** One request at another time than {@link #NOW}. */
    <T> T callAt(Instant now, Function<Services, T> work) {
        return TestPersistence.inTransaction(emf, em -> work.apply(wire(em, Clock.fixed(now, ZoneOffset.UTC))));
    }

    record World(Site site, StaffMember facilitator, Program program, TherapyGroup group) {
    }

    World world(int capacity) {
        return call(s -> {
            Site site = s.sites().create("Services Test Clinic", "Jackson", "TN", CHICAGO);
            StaffMember facilitator = s.staff().register("staff-" + UUID.randomUUID(), "Facilitator F.");
            Program program = s.programs().create(site.id(), "Evening IOP", ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180));
            TherapyGroup group = s.groups().create("Evening group", program.id(), capacity, false, null,
                    MON_WED_THU, Set.of(facilitator.id()));
            return new World(site, facilitator, program, group);
        });
    }

    Patient enrolledPatient(Program program) {
        return call(s -> {
            Patient p = s.patients().register("patient-" + UUID.randomUUID(), "Patient P. (test)",
                    new EmergencyContact("Contact C.", "555 0100"));
            s.enrollments().enroll(p.id(), program.id(), MONDAY, null);
            return p;
        });
    }

    @Test
    void theThirteenthMemberIsRefused() {
        World w = world(12);
        for (int i = 0; i < 12; i++) {
            Patient p = enrolledPatient(w.program());
            call(s -> s.memberships().admit(w.group().id(), p.id(), MONDAY));
        }
        Patient thirteenth = enrolledPatient(w.program());
        assertRefused(() -> call(s -> s.memberships().admit(w.group().id(), thirteenth.id(), MONDAY)),
                ProblemCode.GROUP_FULL);
        assertThat(call(s -> s.memberships().list(w.group().id(), MONDAY, ALL)).total()).isEqualTo(12);
        assertRefused(() -> call(s -> s.groups().update(w.group().id(), "Evening group", 11, false, null,
                MON_WED_THU)), ProblemCode.CAPACITY_BELOW_MEMBERS);
    }

    @Test
    void concurrentAdmissionsNeverOverfillAGroup() throws Exception {
        World w = world(6);
        for (int i = 0; i < 4; i++) {
            Patient p = enrolledPatient(w.program());
            call(s -> s.memberships().admit(w.group().id(), p.id(), MONDAY));
        }
        List<Patient> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            candidates.add(enrolledPatient(w.program()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ProblemCode>> outcomes = new ArrayList<>();
        try {
            for (Patient p : candidates) {
                Callable<ProblemCode> admission = () -> {
                    go.await();
                    try {
                        call(s -> s.memberships().admit(w.group().id(), p.id(), MONDAY));
                        return null;
                    } catch (MendException e) {
                        return e.code();
                    }
                };
                outcomes.add(pool.submit(admission));
            }
            go.countDown();
            List<ProblemCode> codes = new ArrayList<>();
            for (Future<ProblemCode> outcome : outcomes) {
                codes.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(codes).filteredOn(c -> c == null).hasSize(2);
            assertThat(codes).filteredOn(c -> c != null).containsOnly(ProblemCode.GROUP_FULL).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(call(s -> s.memberships().list(w.group().id(), MONDAY, ALL)).total()).isEqualTo(6);
    }

    @Test
    void endingAnEnrollmentEndsTheMembershipsInThatProgramOnly() {
        World w = world(12);
        World other = world(12);
        Patient p = enrolledPatient(w.program());
        call(s -> s.enrollments().enroll(p.id(), other.program().id(), MONDAY, null));
        Membership here = call(s -> s.memberships().admit(w.group().id(), p.id(), MONDAY));
        Membership there = call(s -> s.memberships().admit(other.group().id(), p.id(), MONDAY));
        Enrollment enrollment = call(s -> s.enrollments().list(p.id(), w.program().id(), null, ALL)).items().get(0);

        call(s -> s.enrollments().changeStatus(enrollment.id(), EnrollmentStatus.DISCHARGED, MONDAY.plusWeeks(3),
                "Stepped up to partial hospitalization"));

        assertThat(call(s -> s.memberships().get(here.id())).toDate()).isEqualTo(MONDAY.plusWeeks(3));
        assertThat(call(s -> s.memberships().get(there.id())).isOpen()).isTrue();
        Enrollment ended = call(s -> s.enrollments().get(enrollment.id()));
        assertThat(ended.history()).extracting(h -> h.status())
                .containsExactly(EnrollmentStatus.ENROLLED, EnrollmentStatus.DISCHARGED);
        assertRefused(() -> call(s -> s.enrollments().changeStatus(enrollment.id(), EnrollmentStatus.COMPLETED,
                MONDAY.plusWeeks(4), "again")), ProblemCode.INVALID_STATUS_TRANSITION);
        // Not enrolled any more: can't rejoin; enrolling again is allowed and then rejoining is too.
        assertRefused(() -> call(s -> s.memberships().admit(w.group().id(), p.id(), MONDAY.plusWeeks(4))),
                ProblemCode.PATIENT_NOT_ENROLLED);
        call(s -> s.enrollments().enroll(p.id(), w.program().id(), MONDAY.plusWeeks(4), null));
        Membership rejoined = call(s -> s.memberships().admit(w.group().id(), p.id(), MONDAY.plusWeeks(4)));
        assertThat(rejoined.fromDate()).isEqualTo(MONDAY.plusWeeks(4));
    }

    @Test
    void enrollmentRulesAndReferences() {
        World w = world(12);
        Patient p = enrolledPatient(w.program());
        assertRefused(() -> call(s -> s.enrollments().enroll(p.id(), w.program().id(), MONDAY, null)),
                ProblemCode.ALREADY_ENROLLED);
        assertRefused(() -> call(s -> s.enrollments().enroll(p.id(), UUID.randomUUID(), MONDAY, null)),
                ProblemCode.NOT_FOUND);
        assertRefused(() -> call(s -> s.patients().register(p.idpSubject(), "Other",
                new EmergencyContact("C.", "555 0100"))), ProblemCode.DUPLICATE_SUBJECT);
        call(s -> s.sites().update(w.site().id(), "Services Test Clinic", "Jackson", "TN", CHICAGO, false));
        assertRefused(() -> call(s -> s.programs().create(w.site().id(), "P", ProgramKind.DUAL_DIAGNOSIS,
                ProgramPlan.of(24, 3, 180))), ProblemCode.INACTIVE_REFERENCE);
        assertThat(call(s -> s.sites().list(false, ALL)).items()).extracting(Site::id).contains(w.site().id());
        assertThat(call(s -> s.enrollments().list(p.id(), null, EnrollmentStatus.ENROLLED, ALL)).total())
                .isEqualTo(1);
        assertThat(call(s -> s.patients().list(p.idpSubject(), ALL)).items()).extracting(Patient::id)
                .containsExactly(p.id());
    }

    @Test
    void theGroupSeesAChosenNameThatStaffSetAndThePatientMayChange() {
        String subject = "patient-" + UUID.randomUUID();
        Patient byDefault = call(s -> s.patients().register(subject, "Dana Doe (test)",
                new EmergencyContact("C.", "555 0100")));
        assertThat(byDefault.chosenName()).isEqualTo("Dana");

        Patient updated = call(s -> s.patients().update(byDefault.id(), "Dana Doe-Smith (test)", null,
                new EmergencyContact("C.", "555 0100")));
        assertThat(updated.chosenName()).as("absent: kept").isEqualTo("Dana");
        assertThat(call(s -> s.patients().chooseOwnName(subject, "  Dee ")).orElseThrow().chosenName())
                .isEqualTo("Dee");
        assertThat(call(s -> s.patients().get(byDefault.id())).chosenName()).isEqualTo("Dee");
        boolean nobody = call(s -> s.patients().chooseOwnName("nobody-" + UUID.randomUUID(), "X").isPresent());
        assertThat(nobody).as("no patient linked to the subject").isFalse();
        assertRefused(() -> call(s -> s.patients().chooseOwnName(subject, " ")), ProblemCode.VALIDATION_FAILED);
        Patient chosenByStaff = call(s -> s.patients().register("patient-" + UUID.randomUUID(), "Eve E. (test)",
                "Evie", new EmergencyContact("C.", "555 0100")));
        assertThat(chosenByStaff.chosenName()).isEqualTo("Evie");
    }

    @Test
    void thePatientsEmailAddressIsStoredKeptWhenAbsentAndRemovedWhenBlank() {
        EmergencyContact contact = new EmergencyContact("C.", "555 0100");
        Patient withAddress = call(s -> s.patients().register("patient-" + UUID.randomUUID(), "Fay F. (test)",
                null, contact, " fay.test@example.org "));
        assertThat(call(s -> s.patients().get(withAddress.id())).email()).isEqualTo("fay.test@example.org");

        call(s -> s.patients().update(withAddress.id(), "Fay F. (test)", null, contact, null));
        assertThat(call(s -> s.patients().get(withAddress.id())).email()).as("absent: kept")
                .isEqualTo("fay.test@example.org");
        assertRefused(() -> call(s -> s.patients().update(withAddress.id(), "Renamed (test)", null, contact,
                "not an address")), ProblemCode.VALIDATION_FAILED);
        Patient unchanged = call(s -> s.patients().get(withAddress.id()));
        assertThat(unchanged.displayName()).as("bad input changes nothing").isEqualTo("Fay F. (test)");
        assertThat(unchanged.email()).isEqualTo("fay.test@example.org");

        call(s -> s.patients().update(withAddress.id(), "Fay F. (test)", null, contact, "  "));
        assertThat(call(s -> s.patients().get(withAddress.id())).email()).as("blank: removed").isNull();
        Patient without = call(s -> s.patients().register("patient-" + UUID.randomUUID(), "Gus G. (test)", contact));
        assertThat(without.email()).isNull();
    }

    @Test
    void generatingTwiceOrOverlappingCreatesEachSessionOnce() {
        World w = world(12);
        GroupSessionService.Generated first = call(s -> s.sessions().generate(w.group().id(), MONDAY,
                MONDAY.plusDays(6)));
        assertThat(first.created()).hasSize(3);
        assertThat(first.skipped()).isZero();

        GroupSessionService.Generated again = call(s -> s.sessions().generate(w.group().id(), MONDAY,
                MONDAY.plusDays(6)));
        assertThat(again.created()).isEmpty();
        assertThat(again.skipped()).isEqualTo(3);

        // Cancel one; an overlapping range neither recreates it nor duplicates the others.
        call(s -> s.sessions().cancel(first.created().get(0).id(), "Clinic closed"));
        GroupSessionService.Generated overlapping = call(s -> s.sessions().generate(w.group().id(),
                MONDAY.plusDays(2), MONDAY.plusDays(13)));
        assertThat(overlapping.created()).hasSize(3);
        assertThat(overlapping.skipped()).isEqualTo(2);

        Page<GroupSession> all = call(s -> s.sessions().list(w.group().id(), null, null, null, ALL));
        assertThat(all.total()).isEqualTo(6);
        // Across the spring-forward change on 8 March: still 18:00 in Chicago.
        assertThat(all.items()).allSatisfy(x ->
                assertThat(x.startsAt().atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(18, 0)));
        assertThat(call(s -> s.sessions().list(w.group().id(), MONDAY, MONDAY.plusDays(6),
                GroupSessionStatus.CANCELLED, ALL)).total()).isEqualTo(1);
        assertRefused(() -> call(s -> s.sessions().cancel(first.created().get(0).id(), "again")),
                ProblemCode.SESSION_NOT_CANCELLABLE);
        assertRefused(() -> call(s -> s.sessions().generate(w.group().id(), MONDAY, MONDAY.plusDays(180))),
                ProblemCode.VALIDATION_FAILED);
    }

    @Test
    void sessionsNeverLiveBecomeNotHeldOnceTheGraceHasPassedAndOnlyOnce() {
        // In January, before every other test's sessions: the sweep below must not reach theirs.
        World w = world(12);
        LocalDate monday = LocalDate.of(2026, 1, 5);
        List<GroupSession> week = call(s -> s.sessions().generate(w.group().id(), monday, monday.plusDays(6)))
                .created();
        GroupSession cancelled = week.get(0);
        GroupSession held = week.get(1);
        GroupSession neverLive = week.get(2);
        call(s -> s.sessions().cancel(cancelled.id(), "Snow day"));
        call(s -> s.sessions().markLive(held.id(), held.startsAt()));
        call(s -> s.sessions().markEnded(held.id(), held.endsAt()));
        Duration grace = Duration.ofMinutes(30);
        Instant due = neverLive.endsAt().plus(grace);

        List<GroupSession> atTheEndOfTheGrace = callAt(due, s -> s.sessions().markNotHeld(grace));
        List<GroupSession> aMinuteLater = callAt(due.plusSeconds(60), s -> s.sessions().markNotHeld(grace));
        List<GroupSession> again = callAt(due.plusSeconds(120), s -> s.sessions().markNotHeld(grace));
        assertThat(atTheEndOfTheGrace).as("not before the grace is over").isEmpty();
        assertThat(aMinuteLater).extracting(GroupSession::id).containsExactly(neverLive.id());
        assertThat(again).as("idempotent").isEmpty();

        GroupSession stored = call(s -> s.sessions().get(neverLive.id()));
        assertThat(stored.status()).isEqualTo(GroupSessionStatus.NOT_HELD);
        assertThat(stored.notHeldAt()).isEqualTo(due.plusSeconds(60));
        assertThat(call(s -> s.sessions().get(cancelled.id())).status()).isEqualTo(GroupSessionStatus.CANCELLED);
        assertThat(call(s -> s.sessions().get(held.id())).status()).isEqualTo(GroupSessionStatus.ENDED);
        assertThat(call(s -> s.sessions().list(w.group().id(), null, null, GroupSessionStatus.NOT_HELD, ALL))
                .items()).extracting(GroupSession::id).containsExactly(neverLive.id());
        assertRefused(() -> call(s -> s.sessions().markLive(neverLive.id(), due)),
                ProblemCode.INVALID_STATUS_TRANSITION);
    }

    @Test
    void aVoidedMembershipIsKeptFreesItsPlaceAndIsFinal() {
        World w = world(TherapyGroup.MIN_CAPACITY);
        Patient wrong = enrolledPatient(w.program());
        Patient right = enrolledPatient(w.program());
        Membership error = call(s -> s.memberships().admit(w.group().id(), wrong.id(), MONDAY));
        List<UUID> others = new ArrayList<>();
        for (int i = 1; i < TherapyGroup.MIN_CAPACITY; i++) {
            Patient other = enrolledPatient(w.program());
            call(s -> s.memberships().admit(w.group().id(), other.id(), MONDAY));
            others.add(other.id());
        }
        assertRefused(() -> call(s -> s.memberships().admit(w.group().id(), right.id(), MONDAY)),
                ProblemCode.GROUP_FULL);

        Membership voided = call(s -> s.memberships().voidEnteredInError(error.id(), "Wrong patient (synthetic)",
                "admin-subject"));
        call(s -> s.memberships().admit(w.group().id(), right.id(), MONDAY));

        assertThat(voided.voidedAt()).isEqualTo(NOW);
        others.add(right.id());
        assertThat(call(s -> s.memberships().list(w.group().id(), MONDAY, ALL)).items())
                .extracting(Membership::patientId).containsExactlyInAnyOrderElementsOf(others);
        Membership kept = call(s -> s.memberships().get(error.id()));
        assertThat(kept.voidReason()).isEqualTo("Wrong patient (synthetic)");
        assertThat(kept.voidedBy()).isEqualTo("admin-subject");
        assertThat(call(s -> s.memberships().list(w.group().id(), null, ALL)).total()).as("nothing deleted")
                .isEqualTo(TherapyGroup.MIN_CAPACITY + 1);
        assertRefused(() -> call(s -> s.memberships().end(error.id(), MONDAY.plusDays(3), null)),
                ProblemCode.MEMBERSHIP_VOIDED);
        assertRefused(() -> call(s -> s.memberships().voidEnteredInError(error.id(), "again", "admin-subject")),
                ProblemCode.MEMBERSHIP_VOIDED);
        // The wrong patient's enrollment ends: their voided membership has nothing to end and stays as voided.
        Enrollment enrollment = call(s -> s.enrollments().list(wrong.id(), w.program().id(), null, ALL)).items()
                .get(0);
        call(s -> s.enrollments().changeStatus(enrollment.id(), EnrollmentStatus.WITHDRAWN, MONDAY.plusDays(1),
                "Registered by mistake"));
        assertThat(call(s -> s.memberships().get(error.id())).toDate()).isNull();
    }

    @Test
    void groupsAreListedByFacilitatorAndFacilitatorsChange() {
        World w = world(12);
        StaffMember second = call(s -> s.staff().register("staff-" + UUID.randomUUID(), "Co-facilitator"));
        call(s -> s.groups().assignFacilitator(w.group().id(), second.id()));
        assertThat(call(s -> s.groups().list(null, null, second.id(), ALL)).items()).extracting(TherapyGroup::id)
                .containsExactly(w.group().id());
        call(s -> s.groups().unassignFacilitator(w.group().id(), w.facilitator().id()));
        assertThat(call(s -> s.groups().list(w.program().id(), w.site().id(), w.facilitator().id(), ALL)).total())
                .isZero();
        call(s -> s.staff().update(w.facilitator().id(), "Facilitator F.", false));
        assertRefused(() -> call(s -> s.groups().assignFacilitator(w.group().id(), w.facilitator().id())),
                ProblemCode.INACTIVE_REFERENCE);
        TherapyGroup changed = call(s -> s.groups().update(w.group().id(), "Renamed", 8, true, null,
                List.of(new ScheduleSlot(DayOfWeek.TUESDAY, LocalTime.of(9, 0), 180))));
        assertThat(changed.capacity()).isEqualTo(8);
        assertThat(call(s -> s.groups().get(w.group().id())).schedule().slots()).extracting(ScheduleSlot::dayOfWeek)
                .containsExactly(DayOfWeek.TUESDAY);
    }

    @Test
    @Order(1) // first, on the empty database
    void demoDataSeedsAnEmptyDatabaseOnceThroughTheRules() {
        LocalDate today = MONDAY.plusDays(2);
        boolean seeded = call(s -> s.demo().seed(today));
        boolean seededAgain = call(s -> s.demo().seed(today));
        assertThat(seeded).isTrue();
        assertThat(seededAgain).isFalse();

        Patient first = call(s -> s.patients().list(DemoIdentities.patient(1), ALL)).items().get(0);
        assertThat(first.displayName()).isEqualTo("Patient A. (demo)");
        assertThat(first.chosenName()).isEqualTo("Avery");
        StaffMember facilitator = call(s -> s.staff().list(null, DemoIdentities.FACILITATOR, ALL)).items().get(0);
        TherapyGroup group = call(s -> s.groups().list(null, null, facilitator.id(), ALL)).items().get(0);
        assertThat(group.capacity()).isEqualTo(12);
        assertThat(call(s -> s.memberships().list(group.id(), today, ALL)).total()).isEqualTo(DemoData.PATIENTS);
        assertThat(call(s -> s.sessions().list(group.id(), null, null, null, ALL)).items())
                .extracting(GroupSession::localDate)
                .containsExactly(MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(3));
        assertThat(call(s -> s.staff().list(null, null, ALL)).items()).extracting(StaffMember::idpSubject)
                .contains(DemoIdentities.FACILITATOR, DemoIdentities.SUPERVISOR, DemoIdentities.ADMIN);
        StaffMember supervisor = call(s -> s.staff().list(null, DemoIdentities.SUPERVISOR, ALL)).items().get(0);
        assertThat(supervisor.siteIds()).containsExactly(group.siteId());
    }

    /** CDI's synchronous event delivery, reduced to the one observer the test wires. */
    private record SynchronousEvent(MembershipService observer) implements Event<EnrollmentEnded> {

        @Override
        public void fire(EnrollmentEnded event) {
            observer.onEnrollmentEnded(event);
        }

        @Override
        public <U extends EnrollmentEnded> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends EnrollmentEnded> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<EnrollmentEnded> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends EnrollmentEnded> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends EnrollmentEnded> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
