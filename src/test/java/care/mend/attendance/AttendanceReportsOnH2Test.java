package care.mend.attendance;

import static care.mend.TestPersistence.inTransaction;
import static care.mend.TestPersistence.run;
import static care.mend.media.MediaModality.AUDIO_VIDEO;
import static care.mend.media.MediaModality.NONE;
import static care.mend.room.PresenceKind.ADMITTED;
import static care.mend.room.PresenceKind.CONNECTION_LOST;
import static care.mend.room.PresenceKind.MODALITY_CHANGED;
import static care.mend.room.PresenceKind.RESUMED;
import static care.mend.room.PresenceKind.SESSION_ENDED;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.media.MediaModality;
import care.mend.program.EmergencyContact;
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
import care.mend.schedule.PlannedSession;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.WeeklySchedule;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report query on the migrated schema: a row carries the session's zone, the minutes by modality (as amended),
 * the reconnection gaps, the excuse reason (from sign-off, or from the amendment that excused the patient), the
 * original figures and the latest amendment with its author's staff record.
 */
class AttendanceReportsOnH2Test {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");

    static EntityManagerFactory emf;

    @BeforeAll
    static void start() {
        emf = TestPersistence.migrateAndValidate(TestPersistence.h2("attendance-reports"));
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @Test
    void aRowCarriesTheZoneTheMinutesByModalityAndTheExcuseReason() {
        // Name, events (minute, kind, modality), excuse at sign-off.
        List<Object[]> cases = List.of(
                new Object[] {"gap and no media", List.of(new Object[] {0, ADMITTED, NONE},
                        new Object[] {20, MODALITY_CHANGED, AUDIO_VIDEO}, new Object[] {90, CONNECTION_LOST, AUDIO_VIDEO},
                        new Object[] {96, RESUMED, AUDIO_VIDEO}, new Object[] {180, SESSION_ENDED, AUDIO_VIDEO}), null},
                new Object[] {"excused at sign-off", List.of(), "Family emergency (synthetic)"},
                new Object[] {"absent, excused by an amendment", List.of(), null});
        UUID sessionId = inTransaction(emf, em -> {
            Site site = persist(em, new Site("Site (synthetic)", "Jackson", "TN", CHICAGO, NOW));
            Program program = persist(em, new Program(site.id(), "Evening IOP (synthetic)", ProgramKind.DUAL_DIAGNOSIS,
                    ProgramPlan.of(24, 3, 180), NOW));
            TherapyGroup group = persist(em, new TherapyGroup("Evening group (synthetic)", program.id(), site.id(), 12,
                    new WeeklySchedule(CHICAGO, List.of(new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180))),
                    Set.of(persist(em, new StaffMember("staff-" + UUID.randomUUID(), "Facilitator (synthetic)", NOW))
                            .id()), NOW));
            persist(em, new StaffMember("supervisor-subject", "Supervisor (synthetic)", NOW));
            LocalDate monday = LocalDate.of(2026, 11, 2);
            PlannedSession planned = SessionScheduler.expand(group.schedule(), monday, monday).get(0);
            GroupSession session = persist(em, new GroupSession(group.id(), planned, NOW));
            session.goLive(session.startsAt());
            session.end(session.endsAt());
            em.persist(new AttendanceSignOff(session.id(), "facilitator-subject", session.endsAt().plusSeconds(60)));
            em.flush();
            for (Object[] c : cases) {
                String name = (String) c[0];
                String excuse = (String) c[2];
                Patient patient = persist(em, new Patient("patient-" + UUID.randomUUID(), name + " (synthetic)",
                        new EmergencyContact("Contact (synthetic)", "+1 555 0100"), NOW));
                List<PresenceEvent> events = new ArrayList<>();
                for (Object o : (List<?>) c[1]) {
                    Object[] e = (Object[]) o;
                    events.add(new PresenceEvent(session.id(), new ParticipantId("p-" + patient.id()),
                            patient.idpSubject(), RoomRole.PATIENT, (PresenceKind) e[1], (MediaModality) e[2],
                            session.startsAt().plusSeconds((Integer) e[0] * 60L), patient.id() + ":" + events.size()));
                }
                SessionAttendance a = AttendanceCalculator.calculate(session.startsAt(), session.endsAt(),
                        session.endsAt(), events, excuse != null, AttendanceRules.DEFAULT);
                if (excuse != null) {
                    a = a.withExplanation(AttendanceRecord.EXCUSED_BECAUSE + excuse);
                }
                em.persist(new AttendanceRecord(session.id(), patient.id(), a, session.endsAt().plusSeconds(60)));
            }
            return session.id();
        });
        run(emf, em -> {
            AttendanceRecord absent = em.createQuery("select r from AttendanceRecord r, Patient p where"
                    + " p.id = r.patientId and p.displayName like 'absent%'", AttendanceRecord.class).getSingleResult();
            Instant at = NOW.plusSeconds(86_400 * 40);
            absent.amend(new AttendanceCorrection(AttendanceStatus.EXCUSED, 0, false, null,
                    "Hospitalised (synthetic)", null), 135, "supervisor-subject", at);
            absent.amend(new AttendanceCorrection(AttendanceStatus.EXCUSED, 0, false, null, "Typo fixed (synthetic)",
                    null), 135, "supervisor-subject", at.plusSeconds(60));
            AttendanceRecord gap = em.createQuery("select r from AttendanceRecord r, Patient p where"
                    + " p.id = r.patientId and p.displayName like 'gap%'", AttendanceRecord.class).getSingleResult();
            gap.amend(new AttendanceCorrection(AttendanceStatus.PRESENT, 174, true, new ModalityMinutes(100, 54, 20),
                    "Phone audio per the call log (synthetic)", null), 135, "admin-without-staff-record", at);
        });

        Map<String, AttendanceReportRow> rows = inTransaction(emf, em -> {
            AttendanceReports reports = new AttendanceReports();
            reports.em = em;
            return reports.export(new AttendanceReportFilter(null, null, null, null, null, null, null), null)
                    .stream().filter(r -> r.sessionId().equals(sessionId))
                    .collect(Collectors.toMap(r -> r.patientDisplayName().replace(" (synthetic)", ""),
                            Function.identity()));
        });

        assertThat(rows).hasSize(3);
        AttendanceReportRow gap = rows.get("gap and no media");
        assertThat(gap.timeZone()).isEqualTo(CHICAGO);
        assertThat(gap.date()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(gap.gapMinutes()).isEqualTo(6);
        assertThat(gap.minutesNoMedia()).isEqualTo(20);
        assertThat(gap.minutesAudioVideo()).as("the amended split, not the measured 154").isEqualTo(100);
        assertThat(gap.minutesAudioOnly()).isEqualTo(54);
        assertThat(gap.minutesPresent()).isEqualTo(174);
        assertThat(gap.modality()).isEqualTo("AUDIO_VIDEO");
        assertThat(gap.excuseReason()).isNull();
        assertThat(gap.amended()).as("only the split changed").isTrue();
        assertThat(gap.originalStatus()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(gap.originalMinutes()).isEqualTo(174);
        assertThat(gap.amendment().authorSubject()).isEqualTo("admin-without-staff-record");
        assertThat(gap.amendment().authorStaffId()).isNull();
        assertThat(gap.amendment().authorDisplayName()).isNull();
        assertThat(rows.get("excused at sign-off").amendment()).isNull();
        assertThat(rows.get("excused at sign-off").originalStatus()).isEqualTo(AttendanceStatus.EXCUSED);
        assertThat(gap.flags().gapCount()).isEqualTo(1);
        assertThat(gap.flags().gapMinutes()).isEqualTo(6);
        assertThat(gap.flags().audioOnlyPercent()).as("the flags as signed, not of the amended split").isZero();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            // The report's JSON (the supervisor page reads it) names the zone by its id.
            assertThat(jsonb.toJson(gap)).contains("\"timeZone\":\"America/Chicago\"", "\"gapMinutes\":6");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(rows.get("excused at sign-off").excuseReason()).isEqualTo("Family emergency (synthetic)");
        AttendanceReportRow amended = rows.get("absent, excused by an amendment");
        assertThat(amended.status()).isEqualTo(AttendanceStatus.EXCUSED);
        assertThat(amended.amended()).isTrue();
        assertThat(amended.excuseReason()).as("the amendment that excused, not a later one")
                .isEqualTo("Hospitalised (synthetic)");
        assertThat(amended.originalStatus()).isEqualTo(AttendanceStatus.ABSENT);
        assertThat(amended.originalCredited()).isFalse();
        assertThat(amended.amendment()).as("the latest amendment").satisfies(latest -> {
            assertThat(latest.reason()).isEqualTo("Typo fixed (synthetic)");
            assertThat(latest.amendedAt()).isEqualTo(NOW.plusSeconds(86_400 * 40 + 60));
            assertThat(latest.authorSubject()).isEqualTo("supervisor-subject");
            assertThat(latest.authorStaffId()).isNotNull();
            assertThat(latest.authorDisplayName()).isEqualTo("Supervisor (synthetic)");
        });
    }

    private static <T> T persist(EntityManager em, T entity) {
        em.persist(entity);
        return entity;
    }
}
