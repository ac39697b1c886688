package care.mend;

import static care.mend.TestPersistence.inTransaction;
import static care.mend.TestPersistence.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import care.mend.schedule.GroupSessionStatus;
import care.mend.schedule.Membership;
import care.mend.schedule.PlannedSession;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.WeeklySchedule;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What must hold on every supported database: the migrations run, Hibernate validates the mapping against them, each
 * entity survives a round trip, and the constraints that back the rules refuse what they should.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClinicalSchemaContract {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    private EntityManagerFactory emf;

    /** A fresh, empty database. */
    abstract DataSource startDatabase() throws Exception;

    abstract void stopDatabase() throws Exception;

    @BeforeAll
    void migrateAndValidate() throws Exception {
        emf = TestPersistence.migrateAndValidate(startDatabase());
    }

    @AfterAll
    void close() throws Exception {
        if (emf != null) {
            emf.close();
        }
        stopDatabase();
    }

    record Fixture(Site site, StaffMember facilitator, Patient patient, Program program, Enrollment enrollment,
                   TherapyGroup group) {
    }

    private Fixture storeFixture() {
        return inTransaction(emf, em -> {
            Site site = new Site("Schema Test Clinic", "Jackson", "TN", CHICAGO, NOW);
            StaffMember facilitator = new StaffMember("staff-" + UUID.randomUUID(), "Facilitator F.", NOW);
            Patient patient = new Patient("patient-" + UUID.randomUUID(), "Patient P. (test)",
                    new EmergencyContact("Contact C.", "+1 555 0100"), NOW);
            em.persist(site);
            em.persist(facilitator);
            em.persist(patient);
            Program program = new Program(site.id(), "Evening IOP", ProgramKind.DUAL_DIAGNOSIS,
                    ProgramPlan.of(24, 3, 180), NOW);
            em.persist(program);
            Enrollment enrollment = new Enrollment(patient.id(), program.id(), LocalDate.of(2026, 3, 2),
                    LocalDate.of(2026, 5, 29), NOW);
            em.persist(enrollment);
            TherapyGroup group = new TherapyGroup("Evening group", program.id(), site.id(), 12,
                    new WeeklySchedule(CHICAGO, List.of(
                            new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180),
                            new ScheduleSlot(DayOfWeek.WEDNESDAY, LocalTime.of(18, 0), 180))),
                    Set.of(facilitator.id()), NOW);
            em.persist(group);
            return new Fixture(site, facilitator, patient, program, enrollment, group);
        });
    }

    @Test
    void everyEntityRoundTrips() {
        Fixture f = storeFixture();
        LocalDate monday = LocalDate.of(2026, 3, 2);
        UUID membershipId = inTransaction(emf, em -> {
            TherapyGroup group = em.find(TherapyGroup.class, f.group().id());
            Enrollment enrollment = em.find(Enrollment.class, f.enrollment().id());
            Membership membership = group.admit(f.patient().id(), monday, enrollment, List.of(), NOW);
            em.persist(membership);
            for (PlannedSession planned : SessionScheduler.expand(group.schedule(), monday, monday.plusDays(6))) {
                em.persist(new GroupSession(group.id(), planned, NOW));
            }
            return membership.id();
        });
        run(emf, em -> {
            Enrollment enrollment = em.find(Enrollment.class, f.enrollment().id());
            enrollment.endWith(EnrollmentStatus.DISCHARGED, monday.plusDays(3), "Stepped up to PHP", NOW);
            em.find(Membership.class, membershipId).end(monday.plusDays(3), "enrollment ended", NOW);
            em.createQuery("select s from GroupSession s where s.groupId = :g order by s.startsAt", GroupSession.class)
                    .setParameter("g", f.group().id()).getResultList().get(0).cancel("Clinic closed", NOW);
        });

        run(emf, em -> {
            Site site = em.find(Site.class, f.site().id());
            assertThat(site.timeZone()).isEqualTo(CHICAGO);
            assertThat(site.isActive()).isTrue();
            assertThat(site.createdAt()).isEqualTo(NOW);
            assertThat(em.find(StaffMember.class, f.facilitator().id()).idpSubject())
                    .isEqualTo(f.facilitator().idpSubject());
            Patient patient = em.find(Patient.class, f.patient().id());
            assertThat(patient.emergencyContact()).isEqualTo(new EmergencyContact("Contact C.", "+1 555 0100"));
            assertThat(em.find(Program.class, f.program().id()).plan()).isEqualTo(ProgramPlan.of(24, 3, 180));

            Enrollment enrollment = em.find(Enrollment.class, f.enrollment().id());
            assertThat(enrollment.status()).isEqualTo(EnrollmentStatus.DISCHARGED);
            assertThat(enrollment.endDate()).isEqualTo(monday.plusDays(3));
            assertThat(enrollment.history()).extracting(h -> h.status())
                    .containsExactly(EnrollmentStatus.ENROLLED, EnrollmentStatus.DISCHARGED);
            assertThat(enrollment.version()).isEqualTo(1);

            TherapyGroup group = em.find(TherapyGroup.class, f.group().id());
            assertThat(group.facilitatorIds()).containsExactly(f.facilitator().id());
            assertThat(group.schedule()).isEqualTo(f.group().schedule());

            Membership membership = em.find(Membership.class, membershipId);
            assertThat(membership.toDate()).isEqualTo(monday.plusDays(3));

            List<GroupSession> sessions = em.createQuery(
                            "select s from GroupSession s where s.groupId = :g order by s.startsAt", GroupSession.class)
                    .setParameter("g", f.group().id()).getResultList();
            assertThat(sessions).hasSize(2);
            assertThat(sessions.get(0).status()).isEqualTo(GroupSessionStatus.CANCELLED);
            assertThat(sessions.get(0).cancellationReason()).isEqualTo("Clinic closed");
            // 18:00 CST on Monday 2 March 2026 is midnight UTC; the instant comes back unchanged.
            assertThat(sessions.get(0).startsAt()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
            assertThat(sessions.get(0).startLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(sessions.get(1).status()).isEqualTo(GroupSessionStatus.SCHEDULED);
        });
    }

    @Test
    void theSessionSlotIsUnique() {
        Fixture f = storeFixture();
        LocalDate monday = LocalDate.of(2026, 3, 9);
        PlannedSession planned = SessionScheduler.expand(f.group().schedule(), monday, monday).get(0);
        run(emf, em -> em.persist(new GroupSession(f.group().id(), planned, NOW)));

        assertThatThrownBy(() -> run(emf,
                em -> em.persist(new GroupSession(f.group().id(), planned, NOW))))
                .isInstanceOf(PersistenceException.class);
        Long count = inTransaction(emf, em -> em.createQuery(
                        "select count(s) from GroupSession s where s.groupId = :g", Long.class)
                .setParameter("g", f.group().id()).getSingleResult());
        assertThat(count).isEqualTo(1);
    }

    @Test
    void aPatientHasAtMostOneOpenEnrollmentPerProgram() {
        Fixture f = storeFixture();
        assertThatThrownBy(() -> run(emf, em -> em.persist(new Enrollment(f.patient().id(),
                f.program().id(), LocalDate.of(2026, 4, 1), null, NOW))))
                .isInstanceOf(PersistenceException.class);

        // Once the first has ended, a new enrollment is allowed, and ended ones never collide with each other.
        for (int i = 0; i < 2; i++) {
            run(emf, em -> {
                Enrollment open = em.createQuery("select e from Enrollment e where e.patientId = :p"
                                + " and e.status = care.mend.program.EnrollmentStatus.ENROLLED", Enrollment.class)
                        .setParameter("p", f.patient().id()).getSingleResult();
                open.endWith(EnrollmentStatus.WITHDRAWN, open.startDate(), "Moved away", NOW);
                em.flush();
                em.persist(new Enrollment(f.patient().id(), f.program().id(), LocalDate.of(2026, 6, 1), null, NOW));
            });
        }
    }

    @Test
    void theDatabaseRefusesACancelledSessionWithoutReason() {
        Fixture f = storeFixture();
        assertThatThrownBy(() -> run(emf, em -> em.createNativeQuery(
                        "insert into group_session (id, group_id, local_date, start_local_time, starts_at, ends_at,"
                                + " time_zone, status, version, created_at) values (?, ?, ?, ?, ?, ?, ?, 'CANCELLED',"
                                + " 0, ?)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, f.group().id())
                .setParameter(3, LocalDate.of(2026, 3, 11)).setParameter(4, LocalTime.of(18, 0))
                .setParameter(5, NOW).setParameter(6, NOW.plusSeconds(3600)).setParameter(7, "America/Chicago")
                .setParameter(8, NOW).executeUpdate()))
                .isInstanceOf(PersistenceException.class);
    }

    @Test
    void aNotHeldSessionRoundTripsAndTheDatabaseRefusesOneWithoutItsTime() {
        Fixture f = storeFixture();
        LocalDate monday = LocalDate.of(2026, 3, 23);
        PlannedSession planned = SessionScheduler.expand(f.group().schedule(), monday, monday).get(0);
        java.time.Duration grace = java.time.Duration.ofMinutes(30);
        Instant later = planned.endsAt().plus(java.time.Duration.ofHours(1));
        UUID id = inTransaction(emf, em -> {
            GroupSession session = new GroupSession(f.group().id(), planned, NOW);
            em.persist(session);
            return session.id();
        });
        run(emf, em -> em.find(GroupSession.class, id).markNotHeld(later, grace));
        GroupSession stored = inTransaction(emf, em -> em.find(GroupSession.class, id));
        assertThat(stored.status()).isEqualTo(GroupSessionStatus.NOT_HELD);
        assertThat(stored.notHeldAt()).isEqualTo(later);
        assertThat(stored.version()).isEqualTo(1);

        for (String change : List.of("update group_session set not_held_at = null where id = ?",
                "update group_session set status = 'SCHEDULED' where id = ?",
                "update group_session set live_at = not_held_at where id = ?",
                "update group_session set status = 'NOT HELD' where id = ?")) {
            assertThatThrownBy(() -> run(emf, em -> em.createNativeQuery(change).setParameter(1, id)
                    .executeUpdate())).as(change).isInstanceOf(PersistenceException.class);
        }
    }

    /** Database-level protection of the signed ledger; nothing to check where the database has no triggers. */
    void checkLedgerIsProtected(UUID recordId) throws Exception {
    }

    @Test
    void aSignedLedgerKeepsItsOriginalAndItsAmendments() throws Exception {
        Fixture f = storeFixture();
        LocalDate monday = LocalDate.of(2026, 3, 16);
        PlannedSession planned = SessionScheduler.expand(f.group().schedule(), monday, monday).get(0);
        care.mend.attendance.SessionAttendance calculated = care.mend.attendance.AttendanceCalculator.calculate(
                planned.startsAt(), planned.endsAt(), planned.endsAt(), List.of(), false,
                care.mend.attendance.AttendanceRules.DEFAULT);
        UUID recordId = inTransaction(emf, em -> {
            GroupSession session = new GroupSession(f.group().id(), planned, NOW);
            em.persist(session);
            em.persist(new care.mend.attendance.AttendanceSignOff(session.id(), "facilitator-sub", NOW));
            em.flush();
            care.mend.attendance.AttendanceRecord record =
                    new care.mend.attendance.AttendanceRecord(session.id(), f.patient().id(), calculated, NOW);
            em.persist(record);
            return record.id();
        });
        run(emf, em -> em.find(care.mend.attendance.AttendanceRecord.class, recordId).amend(
                new care.mend.attendance.AttendanceCorrection(care.mend.attendance.AttendanceStatus.EXCUSED, 0, false,
                        null, "Hospital visit", null), 135, "facilitator-sub", NOW.plusSeconds(60)));

        care.mend.attendance.AttendanceRecord stored = inTransaction(emf,
                em -> em.find(care.mend.attendance.AttendanceRecord.class, recordId));
        assertThat(stored.originalStatus()).isEqualTo(care.mend.attendance.AttendanceStatus.ABSENT);
        assertThat(stored.currentStatus()).isEqualTo(care.mend.attendance.AttendanceStatus.EXCUSED);
        assertThat(stored.amendments()).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("Hospital visit"));
        checkLedgerIsProtected(recordId);
    }
}
