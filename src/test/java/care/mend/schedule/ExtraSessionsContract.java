package care.mend.schedule;

import static care.mend.MendAssertions.assertInvalidField;
import static care.mend.MendAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.attendance.AttendanceService;
import care.mend.attendance.LocationAttestations;
import care.mend.platform.PageRequest;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.EmergencyContact;
import care.mend.program.Enrollment;
import care.mend.program.JpaEnrollmentRepository;
import care.mend.program.JpaPatientRepository;
import care.mend.program.Patient;
import care.mend.program.Program;
import care.mend.program.ProgramKind;
import care.mend.program.ProgramPlan;
import care.mend.program.Site;
import care.mend.program.StaffMember;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sessions beyond the weekly pattern, through {@link GroupSessionService} on a real database, each call in its own
 * transaction as a request would be: one-off sessions at a local time in the group's zone (never in the past unless
 * recorded as already held; never overlapping; a spring-forward start moved as the pattern's are), a moved
 * occurrence that keeps its identity and its pattern slot, generation that neither re-creates a moved occurrence nor
 * overlaps a one-off, and make-up guests within the session's 12 places.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExtraSessionsContract {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final LocalDate THURSDAY = MONDAY.plusDays(3);
    /** Thursday 5 March 2026, 11:00 in Chicago (CST, UTC-6). */
    static final Instant NOW = Instant.parse("2026-03-05T17:00:00Z");
    static final Instant CREATED = Instant.parse("2026-02-23T15:00:00Z");
    static final WeeklySchedule MON_WED_THU = new WeeklySchedule(CHICAGO, List.of(
            new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.WEDNESDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.THURSDAY, LocalTime.of(18, 0), 180)));
    static final String ADMIN = "admin-subject";

    private EntityManagerFactory emf;

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

    static GroupSessionService service(EntityManager em, Instant now) {
        return new GroupSessionService(new JpaTherapyGroupRepository(em), new JpaGroupSessionRepository(em),
                new JpaPatientRepository(em), new JpaEnrollmentRepository(em), new Rosters(em),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    <T> T call(Function<GroupSessionService, T> work) {
        return callAt(NOW, work);
    }

    <T> T callAt(Instant now, Function<GroupSessionService, T> work) {
        return TestPersistence.inTransaction(emf, em -> work.apply(service(em, now)));
    }

    SessionRoster rosterOf(GroupSession session) {
        return TestPersistence.inTransaction(emf, em -> new Rosters(em).of(em.find(GroupSession.class,
                session.id())));
    }

    record Clinic(Program program, TherapyGroup group, List<Patient> members) {
    }

    /** A Mon/Wed/Thu group with {@code members} enrolled members from Monday 2 March. */
    Clinic clinic(int members) {
        return TestPersistence.inTransaction(emf, em -> {
            Site site = new Site("Extra Sessions Clinic", "Jackson", "TN", CHICAGO, CREATED);
            StaffMember facilitator = new StaffMember("staff-" + UUID.randomUUID(), "Facilitator F.", CREATED);
            Program program = new Program(site.id(), "Evening IOP", ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180), CREATED);
            TherapyGroup group = new TherapyGroup("Evening group", program.id(), site.id(), 12, MON_WED_THU,
                    Set.of(facilitator.id()), CREATED);
            for (Object entity : List.of(site, facilitator, program, group)) {
                em.persist(entity);
            }
            List<Membership> memberships = new ArrayList<>();
            List<Patient> patients = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                Patient patient = new Patient("patient-" + UUID.randomUUID(), "Patient P. (test)",
                        new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
                Enrollment enrollment = new Enrollment(patient.id(), program.id(), MONDAY, null, CREATED);
                Membership membership = group.admit(patient.id(), MONDAY, enrollment, memberships, CREATED);
                memberships.add(membership);
                em.persist(patient);
                em.persist(enrollment);
                em.persist(membership);
                patients.add(patient);
            }
            return new Clinic(program, group, patients);
        });
    }

    /** Patients enrolled in another program of the same site, in no group of this one. */
    List<Patient> elsewhere(Clinic c, int count) {
        return TestPersistence.inTransaction(emf, em -> {
            Program other = new Program(c.group().siteId(), "Substance use IOP", ProgramKind.SUBSTANCE_USE_IOP,
                    ProgramPlan.of(20, 3, 180), CREATED);
            em.persist(other);
            List<Patient> patients = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Patient patient = new Patient("patient-" + UUID.randomUUID(), "Patient G. (test)",
                        new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
                em.persist(patient);
                em.persist(new Enrollment(patient.id(), other.id(), MONDAY, null, CREATED));
                patients.add(patient);
            }
            return patients;
        });
    }

    GroupSession oneOff(Clinic c, LocalDate day, LocalTime start, int minutes) {
        return call(s -> s.addSession(c.group().id(), GroupSessionKind.ONE_OFF, day, start, minutes,
                "Extra group before the holiday", false, null, ADMIN));
    }

    @Test
    void aOneOffSessionTodayIsAddedAtTheGroupsLocalTimeAndListed() {
        Clinic c = clinic(2);

        GroupSession added = oneOff(c, THURSDAY, LocalTime.of(14, 0), 90);

        assertThat(added.kind()).isEqualTo(GroupSessionKind.ONE_OFF);
        assertThat(added.status()).isEqualTo(GroupSessionStatus.SCHEDULED);
        assertThat(added.startsAt()).isEqualTo(Instant.parse("2026-03-05T20:00:00Z"));
        assertThat(added.endsAt()).isEqualTo(Instant.parse("2026-03-05T21:30:00Z"));
        assertThat(added.reason()).isEqualTo("Extra group before the holiday");
        assertThat(added.patternSlot()).isEmpty();
        assertThat(call(s -> s.list(c.group().id(), THURSDAY, THURSDAY, null, PageRequest.first(50))).items())
                .extracting(GroupSession::id).containsExactly(added.id());
        assertThat(rosterOf(added).patientIds()).as("a one-off is the whole group's")
                .containsExactlyInAnyOrderElementsOf(c.members().stream().map(Patient::id).toList());
    }

    @Test
    void aStartInThePastIsRefusedUnlessTheSessionIsRecordedAsAlreadyHeld() {
        Clinic c = clinic(2);
        // 10:43 in Chicago: seventeen minutes ago.
        MendException refused = assertRefused(() -> oneOff(c, THURSDAY, LocalTime.of(10, 43), 60),
                ProblemCode.SESSION_IN_THE_PAST);
        assertThat(refused.fieldErrors()).extracting(e -> e.field()).containsExactly("startTime");
        assertInvalidField(() -> call(s -> s.addSession(c.group().id(), GroupSessionKind.ONE_OFF, THURSDAY,
                LocalTime.of(10, 30), 60, "Held in the clinic", true, null, ADMIN)), "alreadyHappened");

        GroupSession recorded = call(s -> s.addSession(c.group().id(), GroupSessionKind.ONE_OFF, THURSDAY,
                LocalTime.of(9, 0), 90, "Held in the clinic during the video outage", true, null, ADMIN));

        assertThat(recorded.status()).isEqualTo(GroupSessionStatus.ENDED);
        assertThat(recorded.recordedAfterTheFact()).isTrue();
        assertThat(recorded.endedAt()).isEqualTo(recorded.endsAt());
        // The sign-off needs an ENDED, unsigned session: the facilitator signs it (then amends who came).
        AttendanceService.Sheet signed = TestPersistence.inTransaction(emf, em -> new AttendanceService(em,
                new LocationAttestations(em), Clock.fixed(NOW, ZoneOffset.UTC)).signOff(recorded.id(),
                "facilitator-subject", Map.of()));
        assertThat(signed.lines()).extracting(AttendanceService.Line::patientId)
                .containsExactlyInAnyOrderElementsOf(c.members().stream().map(Patient::id).toList());
    }

    @Test
    void aSessionThatWouldShareTimeWithAnotherOfTheGroupIsRefused() {
        Clinic c = clinic(1);
        call(s -> s.generate(c.group().id(), THURSDAY, THURSDAY));

        MendException overlap = assertRefused(() -> oneOff(c, THURSDAY, LocalTime.of(20, 0), 120),
                ProblemCode.SESSION_OVERLAP);
        assertThat(overlap.fieldErrors()).extracting(e -> e.field()).containsExactly("startTime");
        assertRefused(() -> oneOff(c, THURSDAY, LocalTime.of(17, 0), 61), ProblemCode.SESSION_OVERLAP);
        assertThat(oneOff(c, THURSDAY, LocalTime.of(21, 0), 60).startsAt())
                .as("back to back is no overlap").isEqualTo(Instant.parse("2026-03-06T03:00:00Z"));

        GroupSession early = oneOff(c, THURSDAY, LocalTime.of(12, 0), 60);
        call(s -> s.cancel(early.id(), "Not needed"));
        assertThat(oneOff(c, THURSDAY, LocalTime.of(12, 0), 60).id()).as("a cancelled session holds no time")
                .isNotEqualTo(early.id());
    }

    @Test
    void aOneOffInTheSpringForwardGapMovesForwardByTheGapAsTheWeeklyOnesDo() {
        Clinic c = clinic(1);

        GroupSession sunday = oneOff(c, LocalDate.of(2026, 3, 8), LocalTime.of(2, 30), 60);

        assertThat(sunday.startLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(sunday.startsAt()).isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
        assertThat(sunday.startsAt().atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void aLengthOutsideTheScheduleLimitsIsRefused() {
        Clinic c = clinic(1);
        assertInvalidField(() -> oneOff(c, THURSDAY, LocalTime.of(13, 0), 29), "lengthMinutes");
        assertInvalidField(() -> oneOff(c, THURSDAY, LocalTime.of(13, 0), 361), "lengthMinutes");
        assertInvalidField(() -> call(s -> s.addSession(c.group().id(), GroupSessionKind.SCHEDULED, THURSDAY,
                LocalTime.of(13, 0), 60, "Why", false, null, ADMIN)), "kind");
    }

    @Test
    void aMovedOccurrenceKeepsItsIdentityAndItsOriginalStartAndIsNeverGeneratedAgain() {
        Clinic c = clinic(1);
        LocalDate nextMonday = MONDAY.plusWeeks(1);
        GroupSession monday = call(s -> s.generate(c.group().id(), nextMonday, nextMonday.plusDays(6))).created()
                .get(0);

        GroupSession moved = call(s -> s.reschedule(monday.id(), nextMonday.plusDays(1), LocalTime.of(17, 0), 120,
                "Holiday on Monday"));

        assertThat(moved.id()).isEqualTo(monday.id());
        assertThat(moved.originalStartsAt()).isEqualTo(monday.startsAt());
        assertThat(moved.rescheduleReason()).isEqualTo("Holiday on Monday");
        assertThat(moved.localDate()).isEqualTo(nextMonday.plusDays(1));
        assertThat(moved.startsAt()).isEqualTo(Instant.parse("2026-03-10T22:00:00Z"));
        GroupSessionService.Generated again = call(s -> s.generate(c.group().id(), nextMonday,
                nextMonday.plusDays(6)));
        assertThat(again.created()).as("Monday's slot is still the moved session's").isEmpty();
        assertThat(again.skipped()).isEqualTo(3);

        GroupSession movedAgain = call(s -> s.reschedule(monday.id(), null, LocalTime.of(16, 0), null,
                "An hour earlier"));
        assertThat(movedAgain.originalStartsAt()).as("the first start, however often it moves")
                .isEqualTo(monday.startsAt());
        assertThat(Duration.between(movedAgain.startsAt(), movedAgain.endsAt())).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void aMoveIsRefusedIntoThePastOntoAnotherSessionOrOnceTheSessionHasStarted() {
        Clinic c = clinic(1);
        List<GroupSession> week = call(s -> s.generate(c.group().id(), MONDAY.plusWeeks(1),
                MONDAY.plusWeeks(1).plusDays(6))).created();
        GroupSession monday = week.get(0);

        assertRefused(() -> call(s -> s.reschedule(monday.id(), THURSDAY, LocalTime.of(9, 0), null, "Typo")),
                ProblemCode.SESSION_IN_THE_PAST);
        assertRefused(() -> call(s -> s.reschedule(monday.id(), MONDAY.plusWeeks(1).plusDays(2),
                LocalTime.of(19, 0), null, "Onto Wednesday")), ProblemCode.SESSION_OVERLAP);
        assertInvalidField(() -> call(s -> s.reschedule(monday.id(), null, null, null, "Nothing")), "date");
        assertRefused(() -> callAt(monday.startsAt(), s -> s.reschedule(monday.id(), null, LocalTime.of(20, 0),
                null, "Too late")), ProblemCode.SESSION_NOT_RESCHEDULABLE);
        assertThat(call(s -> s.get(monday.id())).originalStartsAt()).isNull();
    }

    @Test
    void generationSkipsASlotThatAOneOffAlreadyTakes() {
        Clinic c = clinic(1);
        LocalDate monday = MONDAY.plusWeeks(2);
        oneOff(c, monday, LocalTime.of(17, 0), 120);

        GroupSessionService.Generated week = call(s -> s.generate(c.group().id(), monday, monday.plusDays(6)));

        assertThat(week.created()).extracting(GroupSession::localDate)
                .containsExactly(monday.plusDays(2), monday.plusDays(3));
        assertThat(week.skipped()).isEqualTo(1);
    }

    @Test
    void guestsShareTheSessionsTwelvePlacesAndAreOnItsRosterOnce() {
        Clinic c = clinic(10);
        List<Patient> others = elsewhere(c, 3);
        GroupSession thursday = call(s -> s.generate(c.group().id(), THURSDAY, THURSDAY)).created().get(0);

        callAt(NOW.minusSeconds(60), s -> s.addGuest(thursday.id(), others.get(0).id(), null,
                "Missed Tuesday's group", ADMIN));
        call(s -> s.addGuest(thursday.id(), others.get(1).id(), null, "Missed Tuesday's group", ADMIN));

        assertRefused(() -> call(s -> s.addGuest(thursday.id(), others.get(2).id(), null, "Thirteenth", ADMIN)),
                ProblemCode.GROUP_FULL);
        assertRefused(() -> call(s -> s.addGuest(thursday.id(), others.get(0).id(), null, "Twice", ADMIN)),
                ProblemCode.ALREADY_ON_SESSION);
        assertRefused(() -> call(s -> s.addGuest(thursday.id(), c.members().get(0).id(), null, "Member", ADMIN)),
                ProblemCode.ALREADY_ON_SESSION);
        SessionRoster roster = rosterOf(thursday);
        assertThat(roster.patients()).hasSize(12);
        assertThat(roster.guests()).extracting(SessionRoster.PatientEntry::patientId)
                .containsExactly(others.get(0).id(), others.get(1).id());
        List<SessionGuestResponse> described = call(s -> s.describeGuests(thursday.id()));
        assertThat(described).extracting(SessionGuestResponse::programName)
                .containsOnly("Substance use IOP");
    }

    @Test
    void aGuestMustBeEnrolledAndTheSessionStillToComeOrOn() {
        Clinic c = clinic(1);
        Patient notEnrolled = TestPersistence.inTransaction(emf, em -> {
            Patient p = new Patient("patient-" + UUID.randomUUID(), "Patient N. (test)",
                    new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
            em.persist(p);
            return p;
        });
        Patient guest = elsewhere(c, 1).get(0);
        GroupSession thursday = call(s -> s.generate(c.group().id(), THURSDAY, THURSDAY)).created().get(0);

        assertRefused(() -> call(s -> s.addGuest(thursday.id(), notEnrolled.id(), null, "Make-up", ADMIN)),
                ProblemCode.PATIENT_NOT_ENROLLED);
        assertRefused(() -> call(s -> s.addGuest(thursday.id(), UUID.randomUUID(), null, "Make-up", ADMIN)),
                ProblemCode.NOT_FOUND);
        call(s -> s.cancel(thursday.id(), "Snow"));
        assertRefused(() -> call(s -> s.addGuest(thursday.id(), guest.id(), null, "Make-up", ADMIN)),
                ProblemCode.SESSION_CLOSED_TO_GUESTS);
    }

    @Test
    void aMakeUpSessionIsForTheNamedPatientsOnly() {
        Clinic c = clinic(3);
        List<Patient> others = elsewhere(c, 2);
        List<UUID> named = List.of(others.get(0).id(), c.members().get(1).id());

        GroupSession makeUp = call(s -> s.addSession(c.group().id(), GroupSessionKind.MAKE_UP, THURSDAY,
                LocalTime.of(13, 0), 120, "Make-up for last Monday", false, named, ADMIN));

        SessionRoster roster = rosterOf(makeUp);
        assertThat(roster.patientIds()).containsExactlyInAnyOrderElementsOf(named);
        assertThat(roster.guests()).hasSize(2);
        assertInvalidField(() -> call(s -> s.addSession(c.group().id(), GroupSessionKind.MAKE_UP, THURSDAY,
                LocalTime.of(9, 0), 60, "Nobody", false, List.of(), ADMIN)), "patientIds");
        assertInvalidField(() -> call(s -> s.addSession(c.group().id(), GroupSessionKind.ONE_OFF, THURSDAY,
                LocalTime.of(9, 0), 60, "Named", false, named, ADMIN)), "patientIds");
        assertInvalidField(() -> call(s -> s.addSession(c.group().id(), GroupSessionKind.MAKE_UP,
                MONDAY.plusWeeks(1), LocalTime.of(9, 0), 60, "Twice", false, List.of(named.get(0), named.get(0)),
                ADMIN)), "patientIds");
    }
}
