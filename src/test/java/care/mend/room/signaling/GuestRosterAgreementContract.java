package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.attendance.AttendanceService;
import care.mend.attendance.LocationAttestations;
import care.mend.attendance.PresenceRecord;
import care.mend.attendance.ProgramProgress;
import care.mend.media.MediaModality;
import care.mend.platform.PageRequest;
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
import care.mend.room.ParticipantId;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import care.mend.room.RoomPlan;
import care.mend.room.RoomRole;
import care.mend.schedule.GroupSession;
import care.mend.schedule.GroupSessionKind;
import care.mend.schedule.GroupSessionService;
import care.mend.schedule.JpaGroupSessionRepository;
import care.mend.schedule.JpaTherapyGroupRepository;
import care.mend.schedule.Membership;
import care.mend.schedule.PlannedSession;
import care.mend.schedule.Rosters;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.SessionRoster;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.WeeklySchedule;
import care.mend.security.AccessAuditLog;
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
 * One roster with make-up guests, everywhere: a patient of another program added as a guest to a group's session is
 * admitted by the room and the access policy, expected on the sheet, signed with the others, and the session counts
 * toward the guest's own program; a make-up session for named patients expects them and nobody else of the group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GuestRosterAgreementContract {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Instant CREATED = Instant.parse("2026-02-23T15:00:00Z");
    /** Thursday 12 March, noon in Chicago. */
    static final Instant NOW = Instant.parse("2026-03-12T17:00:00Z");
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

    record Person(Patient patient, Enrollment enrollment) {

        UUID id() {
            return patient.id();
        }

        String subject() {
            return patient.idpSubject();
        }
    }

    /**
     * The evening group (mental-health IOP) with two members and its first Monday's session; a guest enrolled in the
     * substance-use IOP of the same site, in no group.
     */
    record Clinic(TherapyGroup group, StaffMember facilitator, List<Person> members, Person guest,
                  GroupSession monday) {
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return TestPersistence.inTransaction(emf, work);
    }

    Clinic clinic() {
        return inTransaction(em -> {
            Site site = new Site("Guest Clinic", "Jackson", "TN", CHICAGO, CREATED);
            StaffMember facilitator = new StaffMember("staff-" + UUID.randomUUID(), "Facilitator F.", CREATED);
            Program evening = new Program(site.id(), "Evening IOP", ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180), CREATED);
            Program other = new Program(site.id(), "Substance use IOP", ProgramKind.SUBSTANCE_USE_IOP,
                    ProgramPlan.of(20, 3, 180), CREATED);
            TherapyGroup group = new TherapyGroup("Evening group", evening.id(), site.id(), 12, MON_WED_THU,
                    Set.of(facilitator.id()), CREATED);
            for (Object entity : List.of(site, facilitator, evening, other, group)) {
                em.persist(entity);
            }
            List<Membership> memberships = new ArrayList<>();
            List<Person> members = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Person member = person(em, evening);
                Membership membership = group.admit(member.id(), MONDAY, member.enrollment(), memberships, CREATED);
                memberships.add(membership);
                em.persist(membership);
                members.add(member);
            }
            Person guest = person(em, other);
            // Everyone here has accepted the host program's consent texts: the roster decides, not consent.
            List<UUID> everyone = new ArrayList<>(members.stream().map(Person::id).toList());
            everyone.add(guest.id());
            care.mend.consent.ConsentFixture.acceptAll(em, java.time.Clock.fixed(CREATED, java.time.ZoneOffset.UTC),
                    evening.id(), everyone.toArray(UUID[]::new));
            PlannedSession planned = SessionScheduler.expand(MON_WED_THU, MONDAY, MONDAY).get(0);
            GroupSession monday = new GroupSession(group.id(), planned, CREATED);
            em.persist(monday);
            return new Clinic(group, facilitator, members, guest, monday);
        });
    }

    private static Person person(EntityManager em, Program program) {
        Patient patient = new Patient("patient-" + UUID.randomUUID(), "Patient P. (test)",
                new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
        Enrollment enrollment = new Enrollment(patient.id(), program.id(), MONDAY, null, CREATED);
        em.persist(patient);
        em.persist(enrollment);
        return new Person(patient, enrollment);
    }

    private static GroupSessionService sessions(EntityManager em, Instant now) {
        return new GroupSessionService(new JpaTherapyGroupRepository(em), new JpaGroupSessionRepository(em),
                new JpaPatientRepository(em), new JpaEnrollmentRepository(em), new Rosters(em),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private AttendanceService attendance(EntityManager em) {
        return new AttendanceService(em, new LocationAttestations(em), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static JpaRoomPlans plans(EntityManager em) {
        JpaRoomPlans plans = new JpaRoomPlans();
        plans.em = em;
        plans.audit = new AccessAuditLog(em, Clock.fixed(CREATED, ZoneOffset.UTC));
        plans.attestations = new LocationAttestations(em);
        plans.rosters = new Rosters(em);
        return plans;
    }

    private RoomPlan planFor(String subject, Role role, GroupSession session) {
        return inTransaction(em -> plans(em).planFor(new CurrentUser(subject, EnumSet.of(role), "127.0.0.1"),
                session.id(), null));
    }

    private boolean joinRefused(String subject, GroupSession session) {
        return inTransaction(em -> {
            try {
                plans(em).planFor(new CurrentUser(subject, EnumSet.of(Role.PATIENT), "127.0.0.1"), session.id(),
                        null);
                return false;
            } catch (RoomPlans.Refusal refused) {
                return refused.code() == SignalingErrorCode.ACCESS_DENIED;
            }
        });
    }

    /** Present from the scheduled start to the end, as the room would have recorded it. */
    private void presentThroughout(GroupSession session, Person person) {
        inTransaction(em -> {
            ParticipantId participant = new ParticipantId(UUID.randomUUID().toString());
            em.persist(new PresenceRecord(new PresenceEvent(session.id(), participant, person.subject(),
                    RoomRole.PATIENT, PresenceKind.ADMITTED, MediaModality.AUDIO_VIDEO, session.startsAt(),
                    session.id() + ":" + participant + ":ADMITTED:1"), session.startsAt()));
            em.persist(new PresenceRecord(new PresenceEvent(session.id(), participant, person.subject(),
                    RoomRole.PATIENT, PresenceKind.SESSION_ENDED, MediaModality.AUDIO_VIDEO, session.endsAt(),
                    session.id() + ":" + participant + ":SESSION_ENDED:2"), session.endsAt()));
            return null;
        });
    }

    private void hold(GroupSession session) {
        inTransaction(em -> {
            GroupSession held = em.find(GroupSession.class, session.id());
            held.goLive(held.startsAt());
            held.end(held.endsAt());
            return null;
        });
    }

    @Test
    void aGuestIsAdmittedExpectedSignedAndCountedTowardTheirOwnProgram() {
        Clinic c = clinic();
        inTransaction(em -> sessions(em, CREATED).addGuest(c.monday().id(), c.guest().id(), null,
                "Missed her own group's Monday", "admin-subject"));

        SessionRoster roster = inTransaction(em -> new Rosters(em).of(em.find(GroupSession.class, c.monday().id())));
        assertThat(roster.guests()).singleElement().satisfies(entry -> {
            assertThat(entry.patientId()).isEqualTo(c.guest().id());
            assertThat(entry.enrollmentId()).isEqualTo(c.guest().enrollment().id());
            assertThat(entry.membershipId()).isNull();
        });
        RoomPlan plan = planFor(c.facilitator().idpSubject(), Role.FACILITATOR, c.monday());
        assertThat(plan.roster().get(c.guest().subject()).role()).isEqualTo(RoomRole.PATIENT);
        assertThat(plan.roster().get(c.guest().subject()).name()).isNotEqualTo(care.mend.room.ParticipantName.NONE);
        assertThat(planFor(c.guest().subject(), Role.PATIENT, c.monday()).roster()).isEqualTo(plan.roster());

        presentThroughout(c.monday(), c.guest());
        hold(c.monday());
        AttendanceService.Sheet signed = inTransaction(em -> attendance(em).signOff(c.monday().id(),
                c.facilitator().idpSubject(), Map.of()));

        assertThat(signed.lines()).extracting(AttendanceService.Line::patientId).containsExactlyInAnyOrder(
                c.members().get(0).id(), c.members().get(1).id(), c.guest().id());
        ProgramProgress guest = inTransaction(em -> attendance(em).progress(em.find(Enrollment.class,
                c.guest().enrollment().id())));
        assertThat(guest.creditedSessions()).as("counted toward the guest's own program").isEqualTo(1);
        assertThat(guest.requiredSessions()).isEqualTo(20);
        ProgramProgress member = inTransaction(em -> attendance(em).progress(em.find(Enrollment.class,
                c.members().get(0).enrollment().id())));
        assertThat(member.creditedSessions()).isZero();
        assertThat(member.absentSessions()).isEqualTo(1);
    }

    @Test
    void aMakeUpSessionExpectsItsGuestsAndNobodyElseOfTheGroup() {
        Clinic c = clinic();
        Person named = c.members().get(0);
        Person notNamed = c.members().get(1);
        GroupSession makeUp = inTransaction(em -> sessions(em, CREATED).addSession(c.group().id(),
                GroupSessionKind.MAKE_UP, MONDAY.plusDays(1), LocalTime.of(10, 0), 120, "Make-up for a missed week",
                false, List.of(named.id(), c.guest().id()), "admin-subject"));

        assertThat(joinRefused(notNamed.subject(), makeUp)).as("not named: not on its roster").isTrue();
        assertThat(planFor(named.subject(), Role.PATIENT, makeUp).roster()).containsKeys(named.subject(),
                c.guest().subject(), c.facilitator().idpSubject()).doesNotContainKey(notNamed.subject());
        hold(makeUp);
        List<UUID> sheet = inTransaction(em -> attendance(em).sheet(makeUp.id()).lines().stream()
                .map(AttendanceService.Line::patientId).toList());
        assertThat(sheet).containsExactlyInAnyOrder(named.id(), c.guest().id());

        ProgramProgress absentOne = inTransaction(em -> attendance(em).progress(em.find(Enrollment.class,
                notNamed.enrollment().id())));
        ProgramProgress namedOne = inTransaction(em -> attendance(em).progress(em.find(Enrollment.class,
                named.enrollment().id())));
        assertThat(absentOne.absentSessions()).as("the make-up session is not theirs").isZero();
        assertThat(namedOne.absentSessions()).as("named, absent from it").isEqualTo(1);
    }

    @Test
    void aGuestSeesTheSessionTheyAreAGuestOfAndNothingElseOfTheGroup() {
        Clinic c = clinic();
        GroupSession wednesday = inTransaction(em -> {
            GroupSession s = new GroupSession(c.group().id(), SessionScheduler.expand(MON_WED_THU,
                    MONDAY.plusDays(2), MONDAY.plusDays(2)).get(0), CREATED);
            em.persist(s);
            return s;
        });
        inTransaction(em -> sessions(em, CREATED).addGuest(wednesday.id(), c.guest().id(), null, "Make-up",
                "admin-subject"));

        List<UUID> listed = inTransaction(em -> new JpaGroupSessionRepository(em).list(null, MONDAY,
                MONDAY.plusDays(6), null, Set.of(), c.guest().id(), PageRequest.first(50)).items().stream()
                .map(GroupSession::id).toList());

        assertThat(listed).containsExactly(wednesday.id());
        assertThat(joinRefused(c.guest().subject(), c.monday())).isTrue();
    }
}
