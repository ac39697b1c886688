package care.mend.checkin;

import static care.mend.MendAssertions.assertInvalidField;
import static care.mend.MendAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.CheckInPlan;
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
import care.mend.schedule.PlannedSession;
import care.mend.schedule.Rosters;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.WeeklySchedule;
import care.mend.security.AccessAuditEntry;
import care.mend.security.AccessAuditLog;
import care.mend.security.AccessOutcome;
import care.mend.security.AccessPolicy;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The check-in's rules through its resources, the access policy and a real database: who may check in (the session's
 * roster), when (the session's day until its end), once (a second is refused, never a replacement), what (mood and
 * craving 0-10 by the program's plan, a one-line note), the flags by the program's thresholds of that moment, and who
 * reads the round and the trend, each read one row of the access log. All data synthetic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CheckInContract {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Instant CREATED = Instant.parse("2026-02-23T15:00:00Z");
    /** Monday 17:40 in Chicago: twenty minutes before the 18:00 start. */
    static final Instant BEFORE_START = MONDAY.atTime(17, 40).atZone(CHICAGO).toInstant();
    static final WeeklySchedule MON_WED = new WeeklySchedule(CHICAGO, List.of(
            new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.WEDNESDAY, LocalTime.of(18, 0), 180)));

    EntityManagerFactory emf;

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

    record Caller(String subject, Role role) {
        CurrentUser user() {
            return new CurrentUser(subject, Set.of(role), "127.0.0.1");
        }
    }

    record Clinic(Program program, TherapyGroup group, Caller facilitator, Caller supervisor, Caller otherFacilitator,
                  List<Caller> patients, List<UUID> patientIds, Caller discharged, List<GroupSession> sessions) {

        GroupSession monday() {
            return sessions.get(0);
        }
    }

    /** A group of two enrolled members and one discharged the week before, with two weeks of sessions, stored. */
    Clinic clinic(ProgramKind kind) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return TestPersistence.inTransaction(emf, em -> {
            Site site = new Site("Check-in Clinic " + tag, "Jackson", "TN", CHICAGO, CREATED);
            Site otherSite = new Site("Other Clinic " + tag, "Memphis", "TN", CHICAGO, CREATED);
            StaffMember facilitator = new StaffMember("facilitator-" + tag, "Facilitator F. (synthetic)", CREATED);
            StaffMember supervisor = new StaffMember("supervisor-" + tag, "Supervisor S. (synthetic)", CREATED);
            supervisor.assignSite(site.id());
            StaffMember otherFacilitator = new StaffMember("other-" + tag, "Other O. (synthetic)", CREATED);
            StaffMember otherSupervisor = new StaffMember("other-supervisor-" + tag, "Other S. (synthetic)", CREATED);
            otherSupervisor.assignSite(otherSite.id());
            Program program = new Program(site.id(), "Evening IOP " + tag, kind, ProgramPlan.of(24, 3, 180),
                    CREATED);
            TherapyGroup group = new TherapyGroup("Evening group", program.id(), site.id(), 12, MON_WED,
                    Set.of(facilitator.id()), CREATED);
            for (Object entity : List.of(site, otherSite, facilitator, supervisor, otherFacilitator, otherSupervisor,
                    program, group)) {
                em.persist(entity);
            }
            List<Caller> patients = new ArrayList<>();
            List<UUID> patientIds = new ArrayList<>();
            List<Membership> memberships = new ArrayList<>();
            Caller discharged = null;
            for (int i = 0; i < 3; i++) {
                Patient patient = new Patient("patient-" + i + "-" + tag, "Patient " + i + " (synthetic)",
                        new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
                Enrollment enrollment = new Enrollment(patient.id(), program.id(), MONDAY.minusWeeks(1), null,
                        CREATED);
                Membership membership = group.admit(patient.id(), MONDAY.minusWeeks(1), enrollment, memberships,
                        CREATED);
                em.persist(patient);
                em.persist(enrollment);
                em.persist(membership);
                memberships.add(membership);
                if (i == 2) {
                    enrollment.endWith(EnrollmentStatus.DISCHARGED, MONDAY.minusDays(1), "Stepped down", CREATED);
                    membership.end(MONDAY.minusDays(1), "enrollment ended", CREATED);
                    discharged = new Caller(patient.idpSubject(), Role.PATIENT);
                } else {
                    patients.add(new Caller(patient.idpSubject(), Role.PATIENT));
                    patientIds.add(patient.id());
                }
            }
            List<GroupSession> sessions = new ArrayList<>();
            for (PlannedSession planned : SessionScheduler.expand(MON_WED, MONDAY, MONDAY.plusDays(13))) {
                GroupSession session = new GroupSession(group.id(), planned, CREATED);
                em.persist(session);
                sessions.add(session);
            }
            return new Clinic(program, group, new Caller(facilitator.idpSubject(), Role.FACILITATOR),
                    new Caller(supervisor.idpSubject(), Role.SUPERVISOR),
                    new Caller(otherFacilitator.idpSubject(), Role.FACILITATOR), patients, patientIds, discharged,
                    sessions);
        });
    }

    // ---- requests, wired as CDI would, one transaction each ----

    static AccessPolicy policy(Caller who, EntityManager em, Clock clock) {
        return AccessPolicy.forSocket(who.user(), em, new AccessAuditLog(em, clock));
    }

    CheckInResponse checkIn(Caller who, Instant now, CheckInRequest body) {
        return tx(em -> {
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            PatientCheckInResource resource = new PatientCheckInResource();
            resource.checkIns = new CheckIns(em, clock);
            resource.rosters = new Rosters(em);
            resource.access = policy(who, em, clock);
            return resource.record(body);
        });
    }

    CheckInPromptResponse prompt(Caller who, Instant now, GroupSession session) {
        return tx(em -> {
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            PatientCheckInResource resource = new PatientCheckInResource();
            resource.checkIns = new CheckIns(em, clock);
            resource.rosters = new Rosters(em);
            resource.access = policy(who, em, clock);
            return resource.prompt(session.id().toString());
        });
    }

    List<CheckInResponse> round(Caller who, GroupSession session) {
        return tx(em -> {
            Clock clock = Clock.fixed(BEFORE_START, ZoneOffset.UTC);
            SessionCheckInResource resource = new SessionCheckInResource();
            resource.checkIns = new CheckIns(em, clock);
            resource.access = policy(who, em, clock);
            return resource.round(session.id());
        });
    }

    CheckInTrendResponse trend(Caller who, UUID patientId) {
        return tx(em -> {
            Clock clock = Clock.fixed(BEFORE_START, ZoneOffset.UTC);
            PatientCheckInTrendResource resource = new PatientCheckInTrendResource();
            resource.checkIns = new CheckIns(em, clock);
            resource.access = policy(who, em, clock);
            return resource.trend(patientId);
        });
    }

    /** Set while a request must be refused: its refusal is caught inside its transaction, so its log row commits. */
    private ProblemCode refusal;

    <T> T tx(java.util.function.Function<EntityManager, T> work) {
        ProblemCode expected = refusal;
        if (expected == null) {
            return TestPersistence.inTransaction(emf, work);
        }
        return TestPersistence.inTransaction(emf, em -> {
            assertRefused(() -> work.apply(em), expected);
            return null;
        });
    }

    void refused(ProblemCode code, Runnable request) {
        refusal = code;
        try {
            request.run();
        } finally {
            refusal = null;
        }
    }

    List<AccessAuditEntry> log(String action, String subject) {
        return TestPersistence.inTransaction(emf, em -> em.createQuery("select distinct a from AccessAuditEntry a"
                + " left join fetch a.disclosedPatients where a.action = :action and a.actorSubject = :subject order by a.occurredAt, a.id",
                AccessAuditEntry.class).setParameter("action", action).setParameter("subject", subject)
                .getResultList());
    }

    static CheckInRequest answers(GroupSession session, Integer mood, Integer craving, MedicationAnswer medication,
                                  String note) {
        return new CheckInRequest(session.id(), mood, craving, medication, note);
    }

    // ---- the rules ----

    @Test
    void aPatientOnTheRosterChecksInOnceWithTheServersTimeAndTheProgramsThresholds() {
        Clinic c = clinic(ProgramKind.SUBSTANCE_USE_IOP);
        Caller patient = c.patients().get(0);

        CheckInPromptResponse before = prompt(patient, BEFORE_START, c.monday());
        assertThat(before.ask()).isTrue();
        assertThat(before.asksCraving()).as("a substance-use program asks craving by default").isTrue();
        assertThat(before.checkedInAt()).isNull();

        CheckInResponse made = checkIn(patient, BEFORE_START, answers(c.monday(), 2, 8, MedicationAnswer.TAKEN,
                "  Rough weekend, would like to talk (synthetic)  "));
        assertThat(made.checkedInAt()).isEqualTo(BEFORE_START);
        assertThat(made.patientId()).isEqualTo(c.patientIds().get(0));
        assertThat(made.note()).isEqualTo("Rough weekend, would like to talk (synthetic)");
        assertThat(made.lowMood()).isTrue();
        assertThat(made.highCraving()).isTrue();
        assertThat(made.lowMoodAtMost()).isEqualTo(CheckInPlan.DEFAULT_LOW_MOOD_AT_MOST);
        assertThat(made.highCravingAtLeast()).isEqualTo(CheckInPlan.DEFAULT_HIGH_CRAVING_AT_LEAST);

        CheckInPromptResponse after = prompt(patient, BEFORE_START.plusSeconds(60), c.monday());
        assertThat(after.ask()).isFalse();
        assertThat(after.checkedInAt()).isEqualTo(BEFORE_START);

        refused(ProblemCode.CHECK_IN_EXISTS, () -> checkIn(patient, BEFORE_START.plusSeconds(120),
                answers(c.monday(), 9, 0, MedicationAnswer.TAKEN, null)));
        assertThat(round(c.facilitator(), c.monday())).singleElement()
                .satisfies(kept -> assertThat(kept.mood()).as("kept as given, never replaced").isEqualTo(2));
        assertThat(log("CHECK_IN", patient.subject())).extracting(AccessAuditEntry::outcome)
                .containsExactly(AccessOutcome.ALLOWED);
    }

    @Test
    void onlyPatientsOnTheSessionsRosterCheckInAndRefusalsAreLogged() {
        Clinic c = clinic(ProgramKind.SUBSTANCE_USE_IOP);
        Clinic other = clinic(ProgramKind.SUBSTANCE_USE_IOP);
        CheckInRequest body = answers(c.monday(), 5, 3, MedicationAnswer.NOT_PRESCRIBED, null);

        refused(ProblemCode.ACCESS_DENIED, () -> checkIn(c.discharged(), BEFORE_START, body));
        refused(ProblemCode.ACCESS_DENIED, () -> checkIn(other.patients().get(0), BEFORE_START, body));
        refused(ProblemCode.ACCESS_DENIED, () -> checkIn(c.facilitator(), BEFORE_START, body));
        refused(ProblemCode.ACCESS_DENIED, () -> prompt(other.patients().get(0), BEFORE_START, c.monday()));

        assertThat(log("CHECK_IN", c.discharged().subject())).extracting(AccessAuditEntry::outcome)
                .containsExactly(AccessOutcome.DENIED);
        assertThat(log("CHECK_IN", other.patients().get(0).subject())).extracting(AccessAuditEntry::outcome)
                .containsExactly(AccessOutcome.DENIED);
        assertThat(round(c.facilitator(), c.monday())).isEmpty();
    }

    @Test
    void checkInIsOpenOnTheSessionsDayUntilItsEndWhileScheduledOrLive() {
        Clinic c = clinic(ProgramKind.SUBSTANCE_USE_IOP);
        Caller patient = c.patients().get(0);
        GroupSession monday = c.monday();
        CheckInRequest body = answers(monday, 6, 1, MedicationAnswer.TAKEN, null);

        Instant sundayEvening = MONDAY.minusDays(1).atTime(20, 0).atZone(CHICAGO).toInstant();
        refused(ProblemCode.CHECK_IN_CLOSED, () -> checkIn(patient, sundayEvening, body));
        refused(ProblemCode.CHECK_IN_CLOSED, () -> checkIn(patient, monday.endsAt(), body));
        assertThat(prompt(patient, monday.endsAt(), monday).ask()).isFalse();

        TestPersistence.run(emf, em -> {
            GroupSession stored = em.find(GroupSession.class, monday.id());
            stored.goLive(monday.startsAt());
            stored.end(monday.startsAt().plusSeconds(3600));
        });
        refused(ProblemCode.CHECK_IN_CLOSED, () -> checkIn(patient, monday.startsAt().plusSeconds(4000), body));
        TestPersistence.run(emf, em -> em.find(GroupSession.class, c.sessions().get(1).id())
                .cancel("Clinic closed (synthetic)", CREATED));
        GroupSession wednesday = c.sessions().get(1);
        refused(ProblemCode.CHECK_IN_CLOSED, () -> checkIn(patient, wednesday.startsAt().minusSeconds(600),
                answers(wednesday, 6, 1, MedicationAnswer.TAKEN, null)));

        // Late is fine: the group started, the patient may still join and check in.
        GroupSession nextMonday = c.sessions().get(2);
        CheckInResponse late = checkIn(patient, nextMonday.startsAt().plusSeconds(1200),
                answers(nextMonday, 6, 1, MedicationAnswer.TAKEN, null));
        assertThat(late.checkedInAt()).isEqualTo(nextMonday.startsAt().plusSeconds(1200));
    }

    @Test
    void theAnswersFollowTheProgramsPlan() {
        Clinic mentalHealth = clinic(ProgramKind.MENTAL_HEALTH_IOP);
        Caller patient = mentalHealth.patients().get(0);
        GroupSession monday = mentalHealth.monday();
        assertThat(prompt(patient, BEFORE_START, monday).asksCraving()).as("not in a mental-health program").isFalse();
        assertInvalidField(() -> checkIn(patient, BEFORE_START, answers(monday, 5, 4, MedicationAnswer.TAKEN,
                null)), "craving");
        assertInvalidField(() -> checkIn(patient, BEFORE_START, answers(monday, 5, null, MedicationAnswer.TAKEN,
                "two\nlines")), "note");
        assertInvalidField(() -> checkIn(patient, BEFORE_START, answers(monday, 11, null, MedicationAnswer.TAKEN,
                null)), "mood");
        assertInvalidField(() -> checkIn(patient, BEFORE_START, answers(monday, 5, null, MedicationAnswer.TAKEN,
                "x".repeat(CheckIn.NOTE_MAX + 1))), "note");
        CheckInResponse made = checkIn(patient, BEFORE_START, answers(monday, 5, null, MedicationAnswer.NOT_TAKEN,
                "   "));
        assertThat(made.craving()).isNull();
        assertThat(made.highCraving()).isFalse();
        assertThat(made.note()).as("a blank note is no note").isNull();

        Clinic substanceUse = clinic(ProgramKind.DUAL_DIAGNOSIS);
        assertInvalidField(() -> checkIn(substanceUse.patients().get(0), BEFORE_START,
                answers(substanceUse.monday(), 5, null, MedicationAnswer.TAKEN, null)), "craving");
    }

    @Test
    void aProgramThatAsksNoCheckInRefusesOne() {
        Clinic c = clinic(ProgramKind.SUBSTANCE_USE_IOP);
        TestPersistence.run(emf, em -> em.find(Program.class, c.program().id())
                .changeCheckInPlan(new CheckInPlan(false, true, 3, 7)));
        CheckInPromptResponse prompt = prompt(c.patients().get(0), BEFORE_START, c.monday());
        assertThat(prompt.enabled()).isFalse();
        assertThat(prompt.ask()).isFalse();
        refused(ProblemCode.CHECK_IN_NOT_ASKED, () -> checkIn(c.patients().get(0), BEFORE_START,
                answers(c.monday(), 5, 5, MedicationAnswer.TAKEN, null)));
    }

    @Test
    void flagsAreByTheThresholdsOfTheMomentInclusiveAndStayWhenTheyChange() {
        Clinic c = clinic(ProgramKind.SUBSTANCE_USE_IOP);
        TestPersistence.run(emf, em -> em.find(Program.class, c.program().id())
                .changeCheckInPlan(new CheckInPlan(true, true, 4, 6)));
        CheckInResponse atThresholds = checkIn(c.patients().get(0), BEFORE_START,
                answers(c.monday(), 4, 6, MedicationAnswer.TAKEN, null));
        CheckInResponse justInside = checkIn(c.patients().get(1), BEFORE_START,
                answers(c.monday(), 5, 5, MedicationAnswer.TAKEN, null));
        assertThat(atThresholds.lowMood()).isTrue();
        assertThat(atThresholds.highCraving()).isTrue();
        assertThat(justInside.lowMood()).isFalse();
        assertThat(justInside.highCraving()).isFalse();

        TestPersistence.run(emf, em -> em.find(Program.class, c.program().id())
                .changeCheckInPlan(new CheckInPlan(true, true, 0, 10)));
        assertThat(round(c.facilitator(), c.monday())).filteredOn(r -> r.patientId().equals(c.patientIds().get(0)))
                .singleElement().satisfies(kept -> {
                    assertThat(kept.lowMood()).isTrue();
                    assertThat(kept.highCraving()).isTrue();
                    assertThat(kept.lowMoodAtMost()).isEqualTo(4);
                });
    }

    @Test
    void theRoundIsForTheGroupsFacilitatorsAndItsSitesSupervisorsAndEachReadIsLogged() {
        Clinic c = clinic(ProgramKind.SUBSTANCE_USE_IOP);
        checkIn(c.patients().get(0), BEFORE_START, answers(c.monday(), 2, 8, MedicationAnswer.TAKEN, "Hi"));
        checkIn(c.patients().get(1), BEFORE_START, answers(c.monday(), 7, 1, MedicationAnswer.NOT_PRESCRIBED, null));

        assertThat(round(c.facilitator(), c.monday())).extracting(CheckInResponse::patientId)
                .containsExactlyInAnyOrderElementsOf(c.patientIds());
        assertThat(round(c.supervisor(), c.monday())).hasSize(2);
        refused(ProblemCode.ACCESS_DENIED, () -> round(c.otherFacilitator(), c.monday()));
        refused(ProblemCode.ACCESS_DENIED, () -> round(c.patients().get(1), c.monday()));

        List<AccessAuditEntry> read = log("READ_CHECK_INS", c.facilitator().subject());
        assertThat(read).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(AccessOutcome.ALLOWED);
            assertThat(row.sessionId()).isEqualTo(c.monday().id());
            assertThat(row.disclosedPatients()).containsExactlyInAnyOrderElementsOf(c.patientIds());
        });
        assertThat(log("READ_CHECK_INS", c.patients().get(1).subject())).extracting(AccessAuditEntry::outcome)
                .containsExactly(AccessOutcome.DENIED);
        assertThat(log("READ_CHECK_INS", c.otherFacilitator().subject())).extracting(AccessAuditEntry::outcome)
                .containsExactly(AccessOutcome.DENIED);
    }

    @Test
    void aPatientsTrendRunsOverTheirSessionsOldestFirstForStaffWhoSeeThem() {
        Clinic c = clinic(ProgramKind.SUBSTANCE_USE_IOP);
        Caller patient = c.patients().get(0);
        UUID patientId = c.patientIds().get(0);
        int[] moods = {3, 5, 6};
        for (int i = 0; i < moods.length; i++) {
            GroupSession session = c.sessions().get(i);
            checkIn(patient, session.startsAt().minusSeconds(900), answers(session, moods[i], 8 - i * 2,
                    MedicationAnswer.TAKEN, null));
        }

        CheckInTrendResponse trend = trend(c.facilitator(), patientId);
        assertThat(trend.points()).extracting(CheckInTrendResponse.Point::mood).containsExactly(3, 5, 6);
        assertThat(trend.points()).extracting(CheckInTrendResponse.Point::date)
                .containsExactly(c.sessions().get(0).localDate(), c.sessions().get(1).localDate(),
                        c.sessions().get(2).localDate());
        assertThat(trend.points()).extracting(CheckInTrendResponse.Point::highCraving)
                .containsExactly(true, false, false);
        assertThat(trend(c.supervisor(), patientId).points()).hasSize(3);
        refused(ProblemCode.ACCESS_DENIED, () -> trend(c.otherFacilitator(), patientId));
        refused(ProblemCode.ACCESS_DENIED, () -> trend(c.patients().get(1), patientId));
        refused(ProblemCode.ACCESS_DENIED, () -> trend(patient, patientId));
        assertThat(log("READ_CHECK_INS", c.supervisor().subject())).singleElement()
                .satisfies(row -> assertThat(row.patientId()).isEqualTo(patientId));
    }
}
