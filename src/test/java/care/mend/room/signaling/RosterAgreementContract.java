package care.mend.room.signaling;

import static care.mend.MendAssertions.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.attendance.AttendanceService;
import care.mend.attendance.LocationAttestations;
import care.mend.attendance.PresenceRecord;
import care.mend.attendance.ProgramProgress;
import care.mend.media.MediaModality;
import care.mend.program.EmergencyContact;
import care.mend.program.Enrollment;
import care.mend.program.EnrollmentStatus;
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
import care.mend.schedule.Membership;
import care.mend.schedule.PlannedSession;
import care.mend.schedule.Rosters;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.SessionRoster;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.WeeklySchedule;
import care.mend.security.AccessAuditEntry;
import care.mend.security.AccessAuditLog;
import care.mend.security.AccessOutcome;
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
 * One roster, everywhere: the room's plan, the access policy's join decision, the attendance sheet and progress all
 * agree on who belongs to a session on its day, on a real database. The cases that used to disagree: an enrollment
 * that ended (by a status change, or by its planned end date) while the membership stayed open, and the mirror, an
 * enrollment still active after the membership ended. Each is refused by the room and the policy, missing from the
 * sheet, and not counted absent in progress, from the first day off the roster on; before it, all is as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RosterAgreementContract {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    /** The first day some patients are off the roster: the Monday of the second week. */
    static final LocalDate OFF_FROM = MONDAY.plusWeeks(1);
    static final Instant CREATED = Instant.parse("2026-02-23T15:00:00Z");
    /** Thursday 12 March, noon in Chicago: the second week's Monday and Wednesday are over. */
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

    /** One patient of the clinic, with the records that put them on (or off) the roster. */
    record Member(Patient patient, Enrollment enrollment, Membership membership) {

        UUID id() {
            return patient.id();
        }

        String subject() {
            return patient.idpSubject();
        }
    }

    /**
     * A Mon/Wed/Thu group from Monday 2 March with four enrolled members and two weeks of sessions: {@code stays}
     * throughout; from Monday 9 March, {@code discharged} (enrollment ended by a status change, membership left
     * open), {@code pastPlannedEnd} (enrollment still ENROLLED, its planned end Sunday 8 March, membership open) and
     * {@code leftGroup} (membership ended Sunday 8 March, enrollment active) are off the roster. The first Monday and
     * the second Monday and Wednesday were held with nobody present; the second Thursday is still to come.
     */
    record Clinic(TherapyGroup group, StaffMember facilitator, Member stays, Member discharged, Member pastPlannedEnd,
                  Member leftGroup, List<GroupSession> sessions) {

        List<Member> offTheRoster() {
            return List.of(discharged, pastPlannedEnd, leftGroup);
        }

        List<Member> everyone() {
            return List.of(stays, discharged, pastPlannedEnd, leftGroup);
        }

        GroupSession firstMonday() {
            return sessions.get(0);
        }

        GroupSession secondMonday() {
            return sessions.get(3);
        }

        GroupSession secondThursday() {
            return sessions.get(5);
        }
    }

    Clinic clinic() {
        return TestPersistence.inTransaction(emf, em -> {
            Site site = new Site("Roster Clinic", "Jackson", "TN", CHICAGO, CREATED);
            StaffMember facilitator = new StaffMember("staff-" + UUID.randomUUID(), "Facilitator F.", CREATED);
            Program program = new Program(site.id(), "Evening IOP", ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180), CREATED);
            TherapyGroup group = new TherapyGroup("Evening group", program.id(), site.id(), 12, MON_WED_THU,
                    Set.of(facilitator.id()), CREATED);
            for (Object entity : List.of(site, facilitator, program, group)) {
                em.persist(entity);
            }
            List<Membership> memberships = new ArrayList<>();
            Member stays = member(em, program, group, null, memberships);
            Member discharged = member(em, program, group, null, memberships);
            Member pastPlannedEnd = member(em, program, group, OFF_FROM.minusDays(1), memberships);
            Member leftGroup = member(em, program, group, null, memberships);
            // Ended as EnrollmentService does it, but without the event that would end the membership too: the
            // membership stays open, as it does for memberships made before that rule, or in another program's group.
            discharged.enrollment().endWith(EnrollmentStatus.DISCHARGED, OFF_FROM.minusDays(1), "Stepped up to PHP",
                    CREATED);
            leftGroup.membership().end(OFF_FROM.minusDays(1), "Moved to the morning group", CREATED);
            List<GroupSession> sessions = new ArrayList<>();
            for (PlannedSession planned : SessionScheduler.expand(MON_WED_THU, MONDAY, MONDAY.plusDays(13))) {
                GroupSession session = new GroupSession(group.id(), planned, CREATED);
                em.persist(session);
                sessions.add(session);
            }
            for (int held : new int[] {0, 3, 4}) {
                sessions.get(held).goLive(sessions.get(held).startsAt());
                sessions.get(held).end(sessions.get(held).endsAt());
            }
            return new Clinic(group, facilitator, stays, discharged, pastPlannedEnd, leftGroup, sessions);
        });
    }

    private static Member member(EntityManager em, Program program, TherapyGroup group, LocalDate plannedEnd,
                                 List<Membership> memberships) {
        Patient patient = new Patient("patient-" + UUID.randomUUID(), "Patient P. (test)",
                new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
        Enrollment enrollment = new Enrollment(patient.id(), program.id(), MONDAY, plannedEnd, CREATED);
        Membership membership = group.admit(patient.id(), MONDAY, enrollment, memberships, CREATED);
        memberships.add(membership);
        em.persist(patient);
        em.persist(enrollment);
        em.persist(membership);
        // Everyone here has accepted the program's consent texts: the roster decides, not consent.
        care.mend.consent.ConsentFixture.acceptAll(em, Clock.fixed(CREATED, ZoneOffset.UTC), program.id(),
                patient.id());
        return new Member(patient, enrollment, membership);
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return TestPersistence.inTransaction(emf, work);
    }

    private AttendanceService attendance(EntityManager em) {
        return new AttendanceService(em, new LocationAttestations(em), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The signaling join's plan, read as the server reads it: roster, policy (audited), plan. */
    private RoomPlan planFor(String subject, Role role, GroupSession session) {
        return inTransaction(em -> plans(em).planFor(new CurrentUser(subject, EnumSet.of(role), "127.0.0.1"),
                session.id(), null));
    }

    private static JpaRoomPlans plans(EntityManager em) {
        JpaRoomPlans plans = new JpaRoomPlans();
        plans.em = em;
        plans.audit = new AccessAuditLog(em, Clock.fixed(NOW, ZoneOffset.UTC));
        plans.attestations = new LocationAttestations(em);
        plans.rosters = new Rosters(em);
        return plans;
    }

    private void assertJoinRefused(Member member, GroupSession session) {
        // Caught inside the transaction, which then commits: in the server the refusal's audit row has a transaction
        // of its own; outside it goes into the caller's.
        RoomPlans.Refusal refusal = inTransaction(em -> {
            try {
                plans(em).planFor(new CurrentUser(member.subject(), EnumSet.of(Role.PATIENT), "127.0.0.1"),
                        session.id(), null);
                return null;
            } catch (RoomPlans.Refusal refused) {
                return refused;
            }
        });
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.code()).isEqualTo(SignalingErrorCode.ACCESS_DENIED);
    }

    @Test
    void theRosterNamesTheFacilitatorsAndThePatientsOfTheDayWithWhy() {
        Clinic c = clinic();

        SessionRoster before = inTransaction(em -> new Rosters(em).of(c.firstMonday()));
        SessionRoster after = inTransaction(em -> new Rosters(em).of(c.secondMonday()));

        assertThat(before.day()).isEqualTo(MONDAY);
        assertThat(before.facilitators()).singleElement()
                .isEqualTo(new SessionRoster.FacilitatorEntry(c.facilitator().id(), c.facilitator().idpSubject()));
        assertThat(before.patientIds()).containsExactlyInAnyOrderElementsOf(
                c.everyone().stream().map(Member::id).toList());
        assertThat(after.patients()).singleElement().isEqualTo(new SessionRoster.PatientEntry(c.stays().id(),
                c.stays().subject(), c.stays().membership().id(), c.stays().enrollment().id()));
        assertThat(after.hasFacilitator(c.facilitator().idpSubject())).isTrue();
    }

    @Test
    void theRoomAndTheAccessPolicyRefuseWhoeverIsOffTheRosterAndAuditTheRefusal() {
        Clinic c = clinic();
        GroupSession today = c.secondThursday();

        RoomPlan plan = planFor(c.facilitator().idpSubject(), Role.FACILITATOR, today);
        Map<String, RoomRole> roles = new java.util.HashMap<>();
        plan.roster().forEach((subject, entry) -> roles.put(subject, entry.role()));
        assertThat(roles).isEqualTo(Map.of(c.facilitator().idpSubject(), RoomRole.FACILITATOR,
                c.stays().subject(), RoomRole.PATIENT));
        assertThat(plan.roster().values()).noneMatch(entry -> entry.name().equals(care.mend.room.ParticipantName.NONE));
        assertThat(planFor(c.stays().subject(), Role.PATIENT, today).roster()).isEqualTo(plan.roster());
        for (Member off : c.offTheRoster()) {
            assertJoinRefused(off, today);
        }

        List<AccessAuditEntry> denied = inTransaction(em -> em.createQuery("select a from AccessAuditEntry a"
                        + " where a.action = 'JOIN_ROOM' and a.outcome = :denied and a.sessionId = :s",
                        AccessAuditEntry.class)
                .setParameter("denied", AccessOutcome.DENIED).setParameter("s", today.id()).getResultList());
        assertThat(denied).extracting(AccessAuditEntry::patientId).containsExactlyInAnyOrderElementsOf(
                c.offTheRoster().stream().map(Member::id).toList());
    }

    @Test
    void theSheetExpectsOnlyTheRosterOfItsDayAndSignsOffNobodyElse() {
        Clinic c = clinic();

        List<UUID> before = inTransaction(em -> attendance(em).sheet(c.firstMonday().id()).lines().stream()
                .map(AttendanceService.Line::patientId).toList());
        List<UUID> after = inTransaction(em -> attendance(em).sheet(c.secondMonday().id()).lines().stream()
                .map(AttendanceService.Line::patientId).toList());

        assertThat(before).as("a past sheet stays what it was")
                .containsExactlyInAnyOrderElementsOf(c.everyone().stream().map(Member::id).toList());
        assertThat(after).containsExactly(c.stays().id());
        assertInvalidField(() -> inTransaction(em -> attendance(em).signOff(c.secondMonday().id(), "facilitator-sub",
                Map.of(c.discharged().id(), "Stepped up"))), "excused");
        AttendanceService.Sheet signed = inTransaction(em -> attendance(em).signOff(c.secondMonday().id(),
                "facilitator-sub", Map.of()));
        assertThat(signed.lines()).extracting(AttendanceService.Line::patientId).containsExactly(c.stays().id());
    }

    @Test
    void whoeverTheRoomAdmittedIsOnTheSheetWhateverTheRosterSaysNow() {
        Clinic c = clinic();
        GroupSession session = c.secondMonday();
        inTransaction(em -> {
            ParticipantId participant = new ParticipantId(UUID.randomUUID().toString());
            em.persist(new PresenceRecord(new PresenceEvent(session.id(), participant, c.discharged().subject(),
                    RoomRole.PATIENT, PresenceKind.ADMITTED, MediaModality.AUDIO_VIDEO, session.startsAt(),
                    session.id() + ":" + participant + ":ADMITTED:1"), session.startsAt()));
            return null;
        });

        List<UUID> lines = inTransaction(em -> attendance(em).sheet(session.id()).lines().stream()
                .map(AttendanceService.Line::patientId).toList());

        assertThat(lines).as("the record never hides presence")
                .containsExactlyInAnyOrder(c.stays().id(), c.discharged().id());
    }

    @Test
    void progressCountsOnlyTheSessionsWhoseRosterHadThePatient() {
        Clinic c = clinic();

        ProgramProgress stays = inTransaction(em -> attendance(em).progress(c.stays().enrollment()));
        assertThat(stays.absentSessions()).isEqualTo(3);
        assertThat(stays.absenceFlag()).isTrue();
        for (Member off : c.offTheRoster()) {
            Enrollment enrollment = inTransaction(em -> em.find(Enrollment.class, off.enrollment().id()));
            ProgramProgress progress = inTransaction(em -> attendance(em).progress(enrollment));
            assertThat(progress.absentSessions()).as("only the first Monday counts against them").isEqualTo(1);
            assertThat(progress.consecutiveAbsences()).isEqualTo(1);
            assertThat(progress.absenceFlag()).isFalse();
        }
    }

    /**
     * A membership voided as entered in error is on no roster of any day, the past included (unlike an end, which
     * keeps the days before it): the room and the policy refuse the patient, no sheet expects them, and progress
     * counts nothing against them, held sessions before the void included.
     */
    @Test
    void aVoidedMembershipIsOnNoRosterOfAnyDayAndCountsNowhere() {
        Clinic c = clinic();
        inTransaction(em -> {
            em.find(Membership.class, c.stays().membership().id()).voidEnteredInError("Wrong patient (synthetic)",
                    "admin-subject", NOW);
            return null;
        });

        for (GroupSession session : c.sessions()) {
            SessionRoster roster = inTransaction(em -> new Rosters(em).of(session));
            assertThat(roster.hasPatient(c.stays().id())).as(session.localDate().toString()).isFalse();
        }
        assertJoinRefused(c.stays(), c.secondThursday());
        List<UUID> firstMonday = inTransaction(em -> attendance(em).sheet(c.firstMonday().id()).lines().stream()
                .map(AttendanceService.Line::patientId).toList());
        assertThat(firstMonday).doesNotContain(c.stays().id())
                .containsExactlyInAnyOrder(c.discharged().id(), c.pastPlannedEnd().id(), c.leftGroup().id());
        ProgramProgress progress = inTransaction(em -> attendance(em).progress(c.stays().enrollment()));
        assertThat(progress.absentSessions()).isZero();
        assertThat(progress.absenceFlag()).isFalse();
    }
}
