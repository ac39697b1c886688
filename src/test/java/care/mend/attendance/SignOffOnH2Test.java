package care.mend.attendance;

import static care.mend.MendAssertions.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.media.MediaModality;
import care.mend.program.EmergencyContact;
import care.mend.program.Enrollment;
import care.mend.program.Patient;
import care.mend.program.Program;
import care.mend.program.ProgramKind;
import care.mend.program.ProgramPlan;
import care.mend.program.Site;
import care.mend.program.StaffMember;
import care.mend.room.ParticipantId;
import care.mend.room.PresenceEvent;
import care.mend.room.PresenceKind;
import care.mend.room.RoomRole;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The facilitator's sign-off through the attendance service on H2: a patient who left early for a documented reason
 * is excused with their minutes kept (EXCUSED, no credit, the reason in the explanation), and the list of sign-off
 * states tells a signed session from a signed-off not-held one, within the caller's groups only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignOffOnH2Test {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Instant CREATED = Instant.parse("2026-02-23T15:00:00Z");
    static final WeeklySchedule MONDAYS = new WeeklySchedule(CHICAGO, List.of(
            new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180)));

    private EntityManagerFactory emf;

    @BeforeAll
    void start() {
        emf = TestPersistence.migrateAndValidate(TestPersistence.h2("sign-off"));
    }

    @AfterAll
    void stop() {
        if (emf != null) {
            emf.close();
        }
    }

    <T> T at(Instant now, Function<AttendanceService, T> work) {
        return TestPersistence.inTransaction(emf, em -> work.apply(new AttendanceService(em,
                new LocationAttestations(em), Clock.fixed(now, ZoneOffset.UTC))));
    }

    record Clinic(TherapyGroup group, List<Patient> patients, List<GroupSession> sessions) {
    }

    /** A Monday evening group of three enrolled members with its first three sessions, stored. */
    Clinic clinic() {
        return TestPersistence.inTransaction(emf, em -> {
            Site site = new Site("Sign-off Clinic", "Jackson", "TN", CHICAGO, CREATED);
            StaffMember facilitator = new StaffMember("staff-" + UUID.randomUUID(), "Facilitator F.", CREATED);
            Program program = new Program(site.id(), "Evening IOP", ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180), CREATED);
            TherapyGroup group = new TherapyGroup("Evening group", program.id(), site.id(), 12, MONDAYS,
                    Set.of(facilitator.id()), CREATED);
            for (Object entity : List.of(site, facilitator, program, group)) {
                em.persist(entity);
            }
            List<Patient> patients = new ArrayList<>();
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
                memberships.add(membership);
            }
            List<GroupSession> sessions = new ArrayList<>();
            for (PlannedSession planned : SessionScheduler.expand(MONDAYS, MONDAY, MONDAY.plusDays(15))) {
                GroupSession session = new GroupSession(group.id(), planned, CREATED);
                em.persist(session);
                sessions.add(session);
            }
            return new Clinic(group, patients, sessions);
        });
    }

    /** The session was held from its start to its end. */
    private void held(GroupSession session) {
        TestPersistence.run(emf, em -> {
            GroupSession stored = em.find(GroupSession.class, session.id());
            stored.goLive(stored.startsAt());
            stored.end(stored.endsAt());
        });
    }

    /** The patient was in the room from {@code from} to {@code to} minutes after the start, through the writer. */
    private void inTheRoom(GroupSession session, Patient patient, int from, int to) {
        ParticipantId participant = new ParticipantId(UUID.randomUUID().toString());
        TestPersistence.run(emf, em -> {
            JpaPresenceStore store = new JpaPresenceStore();
            store.em = em;
            store.storeNew(List.of(
                    event(session, participant, patient, PresenceKind.ADMITTED, from),
                    event(session, participant, patient, PresenceKind.LEFT, to)));
        });
    }

    private static PresenceEvent event(GroupSession session, ParticipantId participant, Patient patient,
                                       PresenceKind kind, int minute) {
        return new PresenceEvent(session.id(), participant, patient.idpSubject(), RoomRole.PATIENT, kind,
                MediaModality.AUDIO_VIDEO, session.startsAt().plus(Duration.ofMinutes(minute)),
                session.id() + ":" + participant + ":" + kind + ":" + minute);
    }

    @Test
    void aPatientWhoLeftEarlyForADocumentedReasonIsExcusedWithTheirMinutesKept() {
        Clinic c = clinic();
        GroupSession session = c.sessions().get(0);
        Patient leftEarly = c.patients().get(0);
        Patient stayed = c.patients().get(1);
        Patient absent = c.patients().get(2);
        inTheRoom(session, leftEarly, 0, 95);
        inTheRoom(session, stayed, 0, 180);
        held(session);
        Instant after = session.endsAt().plus(Duration.ofMinutes(10));

        AttendanceSheetResponse before = at(after, a -> AttendanceSheetResponse.from(a.sheet(session.id())));
        assertThat(line(before, leftEarly).status()).isEqualTo(AttendanceStatus.PARTIAL);
        assertThat(line(before, leftEarly).minutesPresent()).isEqualTo(95);

        AttendanceSheetResponse signed = at(after, a -> AttendanceSheetResponse.from(a.signOff(session.id(),
                "facilitator-sub", Map.of(leftEarly.id(), "Medical appointment, letter on file (synthetic)",
                        absent.id(), "Family emergency (synthetic)"))));

        AttendanceLineResponse excused = line(signed, leftEarly);
        assertThat(excused.status()).isEqualTo(AttendanceStatus.EXCUSED);
        assertThat(excused.minutesPresent()).as("the minutes are kept").isEqualTo(95);
        assertThat(excused.minutesByModality()).containsEntry("AUDIO_VIDEO", 95L);
        assertThat(excused.credited()).as("an excused session earns no credit").isFalse();
        assertThat(excused.flags().leftEarly()).as("the flags stay as measured").isTrue();
        assertThat(excused.explanation()).contains("Medical appointment, letter on file (synthetic)");
        assertThat(excused.original().status()).isEqualTo(AttendanceStatus.EXCUSED);
        assertThat(line(signed, absent).status()).isEqualTo(AttendanceStatus.EXCUSED);
        assertThat(line(signed, absent).minutesPresent()).isZero();
        assertThat(line(signed, stayed).status()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(line(signed, stayed).credited()).isTrue();
    }

    @Test
    void theSignOffStatesNameSignedAndNotHeldSessionsWithinTheCallersGroupsOnly() {
        Clinic c = clinic();
        Clinic other = clinic();
        GroupSession signed = c.sessions().get(0);
        GroupSession notHeld = c.sessions().get(1);
        GroupSession unsigned = c.sessions().get(2);
        held(signed);
        held(unsigned);
        TestPersistence.run(emf, em -> em.find(GroupSession.class, notHeld.id())
                .markNotHeld(notHeld.endsAt().plus(Duration.ofHours(1)), Duration.ofMinutes(30)));
        GroupSession elsewhere = other.sessions().get(0);
        held(elsewhere);
        Instant later = unsigned.endsAt().plus(Duration.ofDays(1));
        at(later, a -> a.signOff(signed.id(), "facilitator-sub", Map.of()));
        at(later, a -> a.signOffNotHeld(notHeld.id(), "facilitator-sub", "Snow storm, clinic closed (synthetic)"));
        at(later, a -> a.signOff(elsewhere.id(), "facilitator-sub", Map.of()));
        List<UUID> asked = List.of(signed.id(), notHeld.id(), unsigned.id(), elsewhere.id(), UUID.randomUUID());

        List<SignOffStateResponse> states = at(later, a -> a.signOffsOf(asked, Set.of(c.group().id())).stream()
                .map(SignOffStateResponse::from).toList());

        assertThat(states).extracting(SignOffStateResponse::sessionId)
                .containsExactlyInAnyOrder(signed.id(), notHeld.id());
        assertThat(states).filteredOn(s -> s.sessionId().equals(notHeld.id())).singleElement()
                .satisfies(s -> assertThat(s.notHeld()).isTrue());
        assertThat(states).filteredOn(s -> s.sessionId().equals(signed.id())).singleElement()
                .satisfies(s -> {
                    assertThat(s.notHeld()).isFalse();
                    assertThat(s.signedAt()).isEqualTo(later);
                });
        List<AttendanceSignOff> everywhere = at(later, a -> a.signOffsOf(asked, null));
        assertThat(everywhere).as("an admin reaches every group").hasSize(3);
        List<AttendanceSignOff> noGroups = at(later, a -> a.signOffsOf(asked, Set.of()));
        assertThat(noGroups).isEmpty();
        List<AttendanceSignOff> noneAsked = at(later, a -> a.signOffsOf(List.of(), null));
        assertThat(noneAsked).isEmpty();
        List<UUID> tooMany = IntStream.range(0, AttendanceService.SIGN_OFF_STATES_MAX + 1)
                .mapToObj(i -> UUID.randomUUID()).toList();
        assertInvalidField(() -> at(later, a -> a.signOffsOf(tooMany, null)), "sessionId");
    }

    private static AttendanceLineResponse line(AttendanceSheetResponse sheet, Patient patient) {
        return sheet.lines().stream().filter(l -> l.patientId().equals(patient.id())).findFirst().orElseThrow();
    }
}
