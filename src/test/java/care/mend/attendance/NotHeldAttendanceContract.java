package care.mend.attendance;

import static care.mend.MendAssertions.assertInvalidField;
import static care.mend.MendAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
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
import care.mend.schedule.PlannedSession;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.WeeklySchedule;
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
 * Sessions that were not held, through the attendance service on a real database: the unsigned list, the sheet that
 * says so, the sign-off as not held (no records, nobody absent), and progress counting each session as what it was
 * with the completion projected from the group's schedule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotHeldAttendanceContract {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Instant CREATED = Instant.parse("2026-02-23T15:00:00Z");
    static final Duration GRACE = Duration.ofMinutes(30);
    static final WeeklySchedule MON_WED_THU = new WeeklySchedule(CHICAGO, List.of(
            new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.WEDNESDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.THURSDAY, LocalTime.of(18, 0), 180)));

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

    /** One request to the attendance service at {@code now}. */
    <T> T at(Instant now, Function<AttendanceService, T> work) {
        return TestPersistence.inTransaction(emf, em -> work.apply(new AttendanceService(em,
                new LocationAttestations(em), Clock.fixed(now, ZoneOffset.UTC))));
    }

    record Clinic(TherapyGroup group, List<Patient> patients, List<Enrollment> enrollments,
                  List<Membership> memberships, List<GroupSession> sessions) {
    }

    /** A Mon/Wed/Thu evening group of three enrolled members with the sessions of its first two weeks, stored. */
    Clinic clinic() {
        return TestPersistence.inTransaction(emf, em -> {
            Site site = new Site("Not Held Clinic", "Jackson", "TN", CHICAGO, CREATED);
            StaffMember facilitator = new StaffMember("staff-" + UUID.randomUUID(), "Facilitator F.", CREATED);
            Program program = new Program(site.id(), "Evening IOP", ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180), CREATED);
            TherapyGroup group = new TherapyGroup("Evening group", program.id(), site.id(), 12, MON_WED_THU,
                    Set.of(facilitator.id()), CREATED);
            for (Object entity : List.of(site, facilitator, program, group)) {
                em.persist(entity);
            }
            List<Patient> patients = new ArrayList<>();
            List<Enrollment> enrollments = new ArrayList<>();
            List<Membership> memberships = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Patient patient = new Patient("patient-" + UUID.randomUUID(), "Patient " + i + ". (test)",
                        new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
                Enrollment enrollment = new Enrollment(patient.id(), program.id(), MONDAY, null, CREATED);
                Membership membership = group.admit(patient.id(), MONDAY, enrollment, memberships, CREATED);
                em.persist(patient);
                em.persist(enrollment);
                em.persist(membership);
                patients.add(patient);
                enrollments.add(enrollment);
                memberships.add(membership);
            }
            List<GroupSession> sessions = new ArrayList<>();
            for (PlannedSession planned : SessionScheduler.expand(MON_WED_THU, MONDAY, MONDAY.plusDays(13))) {
                GroupSession session = new GroupSession(group.id(), planned, CREATED);
                em.persist(session);
                sessions.add(session);
            }
            return new Clinic(group, patients, enrollments, memberships, sessions);
        });
    }

    private void notHeld(GroupSession session) {
        TestPersistence.run(emf, em -> em.find(GroupSession.class, session.id())
                .markNotHeld(session.endsAt().plus(GRACE).plusSeconds(60), GRACE));
    }

    private void held(GroupSession session) {
        TestPersistence.run(emf, em -> {
            GroupSession stored = em.find(GroupSession.class, session.id());
            stored.goLive(stored.startsAt());
            stored.end(stored.endsAt());
        });
    }

    private void cancelled(GroupSession session) {
        TestPersistence.run(emf, em -> em.find(GroupSession.class, session.id()).cancel("Clinic closed", CREATED));
    }

    @Test
    void aSessionNotHeldIsListedUnsignedAndItsSheetSaysSoForEveryPatient() {
        Clinic c = clinic();
        GroupSession session = c.sessions().get(0);
        notHeld(session);
        held(c.sessions().get(1));
        Instant later = session.endsAt().plus(Duration.ofDays(3));

        List<GroupSession> unsigned = at(later, a -> a.unsignedOlderThan(0, Set.of(c.group().id())));
        assertThat(unsigned).extracting(GroupSession::id)
                .containsExactly(session.id(), c.sessions().get(1).id());
        assertThat(unsigned).extracting(UnsignedSessionResponse::from).extracting(r -> r.sessionStatus())
                .containsExactly("NOT_HELD", "ENDED");

        AttendanceSheetResponse sheet = at(later, a -> AttendanceSheetResponse.from(a.sheet(session.id())));
        assertThat(sheet.sessionStatus()).isEqualTo("NOT_HELD");
        assertThat(sheet.notHeld()).isTrue();
        assertThat(sheet.signed()).isFalse();
        assertThat(sheet.lines()).extracting(AttendanceLineResponse::patientId)
                .containsExactlyInAnyOrderElementsOf(c.patients().stream().map(Patient::id).toList());
        assertThat(sheet.lines()).allSatisfy(line -> {
            assertThat(line.status()).isEqualTo(AttendanceStatus.NOT_HELD);
            assertThat(line.credited()).isFalse();
            assertThat(line.minutesPresent()).isZero();
            assertThat(line.scheduledMinutes()).isEqualTo(180);
            assertThat(line.explanation()).contains("not held").contains("not an absence");
        });
        assertRefused(() -> at(later, a -> a.signOff(session.id(), "facilitator-sub", Map.of())),
                ProblemCode.SESSION_WAS_NOT_HELD);
    }

    @Test
    void signingOffAsNotHeldNeedsAReasonAndMarksNobodyAbsent() {
        Clinic c = clinic();
        GroupSession session = c.sessions().get(0);
        GroupSession scheduled = c.sessions().get(1);
        GroupSession ended = c.sessions().get(2);
        notHeld(session);
        held(ended);
        Instant later = session.endsAt().plus(Duration.ofDays(7));

        assertRefused(() -> at(later, a -> a.signOffNotHeld(scheduled.id(), "facilitator-sub", "No one came")),
                ProblemCode.SESSION_NOT_NOT_HELD);
        assertRefused(() -> at(later, a -> a.signOffNotHeld(ended.id(), "facilitator-sub", "No one came")),
                ProblemCode.SESSION_NOT_NOT_HELD);
        for (String bad : new String[] {null, "  ", "x".repeat(301), "two\nlines"}) {
            assertInvalidField(() -> at(later, a -> a.signOffNotHeld(session.id(), "facilitator-sub", bad)),
                    "reason");
        }

        AttendanceSheetResponse signed = at(later, a -> AttendanceSheetResponse.from(a.signOffNotHeld(session.id(),
                "facilitator-sub", "  Facilitator ill; no cover was available  ")));
        assertThat(signed.signed()).isTrue();
        assertThat(signed.signedBySubject()).isEqualTo("facilitator-sub");
        assertThat(signed.signedAt()).isEqualTo(later);
        assertThat(signed.notHeldReason()).isEqualTo("Facilitator ill; no cover was available");
        assertThat(signed.lines()).hasSize(3).allSatisfy(line -> {
            assertThat(line.status()).isEqualTo(AttendanceStatus.NOT_HELD);
            assertThat(line.recordId()).isNull();
        });
        Long records = TestPersistence.inTransaction(emf, em -> em.createQuery(
                "select count(r) from AttendanceRecord r where r.sessionId = :s", Long.class)
                .setParameter("s", session.id()).getSingleResult());
        assertThat(records).as("nobody attended, nobody is marked absent").isZero();
        assertThat(at(later, a -> a.sheet(session.id())).signOff()).get()
                .satisfies(o -> assertThat(o.isNotHeld()).isTrue());

        assertRefused(() -> at(later, a -> a.signOffNotHeld(session.id(), "facilitator-sub", "again")),
                ProblemCode.ALREADY_SIGNED);
        List<GroupSession> stillUnsigned = at(later, a -> a.unsignedOlderThan(0, Set.of(c.group().id())));
        assertThat(stillUnsigned).extracting(GroupSession::id).containsExactly(ended.id());
        assertThat(at(later, a -> a.signOff(ended.id(), "facilitator-sub", Map.of())).lines())
                .as("a held session is still signed with attendance").hasSize(3)
                .allSatisfy(line -> assertThat(line.record().currentStatus()).isEqualTo(AttendanceStatus.ABSENT));
    }

    @Test
    void progressCountsEachSessionAsWhatItWasAndProjectsFromTheSchedule() {
        Clinic c = clinic();
        List<GroupSession> s = c.sessions(); // Mon 2, Wed 4, Thu 5, Mon 9, Wed 11, Thu 12 March; Mon 16 ...
        held(s.get(0));            // nobody came: absent
        notHeld(s.get(1));
        cancelled(s.get(2));
        held(s.get(3));            // absent again
        cancelled(s.get(5));       // Thursday 12 March, still ahead
        Instant now = Instant.parse("2026-03-10T17:00:00Z"); // Tuesday 10 March, noon in Chicago (daylight time)
        Enrollment enrollment = c.enrollments().get(0);

        ProgramProgress progress = at(now, a -> a.progress(enrollment));

        assertThat(progress.creditedSessions()).isZero();
        assertThat(progress.attendedSessions()).isZero();
        assertThat(progress.absentSessions()).isEqualTo(2);
        assertThat(progress.notHeldSessions()).isEqualTo(1);
        assertThat(progress.cancelledSessions()).as("only the one already past").isEqualTo(1);
        assertThat(progress.consecutiveAbsences()).as("not held and cancelled do not break the run").isEqualTo(2);
        assertThat(progress.absenceFlag()).isTrue();
        assertThat(progress.remainingSessions()).isEqualTo(24);
        // Wed 11 March (stored), then three a week from Mon 16 March: the 24th is Wednesday 6 May.
        assertThat(progress.projectedCompletion()).isEqualTo(LocalDate.of(2026, 5, 6));
    }

    @Test
    void withoutAnActiveEnrollmentNothingIsProjected() {
        Clinic c = clinic();
        Instant now = Instant.parse("2026-03-10T17:00:00Z");
        TestPersistence.run(emf, em -> {
            em.find(Enrollment.class, c.enrollments().get(1).id())
                    .endWith(EnrollmentStatus.DISCHARGED, MONDAY.plusDays(7), "Stepped up to PHP", now);
            em.find(Membership.class, c.memberships().get(1).id()).end(MONDAY.plusDays(7), "enrollment ended", now);
        });
        Enrollment discharged = TestPersistence.inTransaction(emf,
                em -> em.find(Enrollment.class, c.enrollments().get(1).id()));

        assertThat(at(now, a -> a.progress(discharged)).projectedCompletion()).isNull();
        assertThat(at(now, a -> a.progress(c.enrollments().get(2))).projectedCompletion()).isNotNull();
    }
}
