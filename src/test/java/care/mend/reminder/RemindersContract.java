package care.mend.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static care.mend.MendAssertions.assertRefused;

import care.mend.TestPersistence;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.JpaPatientRepository;
import care.mend.program.PatientService;
import care.mend.security.AccessAuditLog;
import care.mend.security.AccessPolicy;
import care.mend.security.CurrentUser;
import care.mend.security.Role;
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
import care.mend.schedule.SessionGuest;
import care.mend.schedule.SessionScheduler;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.WeeklySchedule;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reminders' rules on a real database, run as {@link ReminderJob} runs them (the due reminders in one
 * transaction, each sent in its own): who gets one (the opted-in patients on the session's one roster, guests
 * included), when (the lead before the start), once only (a second run sends nothing), never for a cancelled
 * session, again for a session moved to a new time, and nothing recorded when the mail server did not take it. All
 * data synthetic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemindersContract {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Instant CREATED = Instant.parse("2026-02-23T15:00:00Z");
    /** Monday 5 PM in Chicago: an hour before the 6 PM group. */
    static final Instant HOUR_BEFORE = MONDAY.atTime(17, 0).atZone(CHICAGO).toInstant();
    static final Duration LEAD = Duration.ofHours(2);
    static final URI PAGE = URI.create("https://mend.example.org/app/patient.html");
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

    /** What the mail server was handed, or a mail server that refuses. */
    static class Outbox implements ReminderMailer {
        final List<Map.Entry<String, ReminderMessage>> sent = Collections.synchronizedList(new ArrayList<>());
        volatile boolean refusing;

        @Override
        public void send(String address, ReminderMessage message) {
            if (refusing) {
                throw new ReminderNotSent("MessagingException", null);
            }
            sent.add(Map.entry(address, message));
        }

        List<String> addresses() {
            return sent.stream().map(Map.Entry::getKey).toList();
        }
    }

    /**
     * A group with (each with an e-mail address on their record unless said otherwise): an opted-in member, a member who opted out, one who never chose, an opted-in member discharged
     * the day before, an opted-in member without an address, and an opted-in make-up guest of Monday's session.
     */
    record Clinic(String tag, GroupSession monday, GroupSession wednesday, Map<String, UUID> patients,
                  Map<UUID, String> addresses) {

        /** The identity-provider subject of a patient of the clinic. */
        String subject(String who) {
            return who + "-" + tag;
        }

        String addressOf(String who) {
            return addresses.get(patients.get(who));
        }
    }

    Clinic clinic() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return TestPersistence.inTransaction(emf, em -> {
            Site site = new Site("Reminder Clinic " + tag, "Jackson", "TN", CHICAGO, CREATED);
            StaffMember facilitator = new StaffMember("facilitator-" + tag, "Facilitator F. (synthetic)", CREATED);
            Program program = new Program(site.id(), "Evening IOP " + tag, ProgramKind.SUBSTANCE_USE_IOP,
                    ProgramPlan.of(24, 3, 180), CREATED);
            Program other = new Program(site.id(), "Morning IOP " + tag, ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180), CREATED);
            TherapyGroup group = new TherapyGroup("Evening group " + tag, program.id(), site.id(), 12, MON_WED,
                    Set.of(facilitator.id()), CREATED);
            for (Object entity : List.of(site, facilitator, program, other, group)) {
                em.persist(entity);
            }
            List<GroupSession> sessions = new ArrayList<>();
            for (PlannedSession planned : SessionScheduler.expand(MON_WED, MONDAY, MONDAY.plusDays(6))) {
                GroupSession session = new GroupSession(group.id(), planned, CREATED);
                em.persist(session);
                sessions.add(session);
            }
            Map<String, UUID> patients = new HashMap<>();
            Map<UUID, String> addresses = new HashMap<>();
            List<Membership> memberships = new ArrayList<>();
            for (String who : List.of("optedIn", "optedOut", "neverChose", "discharged", "noAddress", "guest")) {
                Patient patient = new Patient(who + "-" + tag, "Patient " + who + " (synthetic)",
                        new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
                em.persist(patient);
                patients.put(who, patient.id());
                if (!who.equals("noAddress")) {
                    patient.changeEmail(who + "-" + tag + "@example.test");
                    addresses.put(patient.id(), patient.email());
                }
                Enrollment enrollment = new Enrollment(patient.id(), who.equals("guest") ? other.id() : program.id(),
                        MONDAY.minusWeeks(1), null, CREATED);
                em.persist(enrollment);
                if (who.equals("guest")) {
                    em.persist(new SessionGuest(sessions.get(0).id(), patient.id(), enrollment.id(),
                            "missed Thursday (synthetic)", "facilitator-" + tag, CREATED));
                } else {
                    Membership membership = group.admit(patient.id(), MONDAY.minusWeeks(1), enrollment, memberships,
                            CREATED);
                    em.persist(membership);
                    memberships.add(membership);
                    if (who.equals("discharged")) {
                        enrollment.endWith(EnrollmentStatus.DISCHARGED, MONDAY.minusDays(1), "Stepped down", CREATED);
                        membership.end(MONDAY.minusDays(1), "enrollment ended", CREATED);
                    }
                }
                if (!who.equals("neverChose")) {
                    em.persist(new ReminderPreference(patient.id(), !who.equals("optedOut"),
                            ReminderPreference.ChangedBy.PATIENT, CREATED));
                }
            }
            return new Clinic(tag, sessions.get(0), sessions.get(1), patients, addresses);
        });
    }

    Reminders reminders(EntityManager em, Clinic c, Outbox outbox, Instant now) {
        return new Reminders(em, new Rosters(em), new PatientRecordAddresses(em), outbox,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** One run of the job at {@code now}, for this clinic's sessions only (other tests' clinics share the database). */
    Map<Reminders.Outcome, Integer> run(Clinic c, Outbox outbox, Instant now) {
        List<Reminders.Due> due = TestPersistence.inTransaction(emf, em -> reminders(em, c, outbox, now)
                .due(now, LEAD)).stream().filter(d -> c.patients().containsValue(d.patientId())).toList();
        Map<Reminders.Outcome, Integer> outcomes = new EnumMap<>(Reminders.Outcome.class);
        for (Reminders.Due reminder : due) {
            Reminders.Outcome outcome = TestPersistence.inTransaction(emf, em -> reminders(em, c, outbox, now)
                    .send(reminder, LEAD, PAGE));
            outcomes.merge(outcome, 1, Integer::sum);
        }
        return outcomes;
    }

    Reminders.Outcome send(Clinic c, Outbox outbox, Instant now, Reminders.Due due) {
        return TestPersistence.inTransaction(emf, em -> reminders(em, c, outbox, now).send(due, LEAD, PAGE));
    }

    List<SentReminder> sentFor(Clinic c) {
        return TestPersistence.inTransaction(emf, em -> em.createQuery("select r from SentReminder r"
                + " where r.patientId in :ids order by r.sentAt, r.id", SentReminder.class)
                .setParameter("ids", c.patients().values()).getResultList());
    }

    // ---- the choice, through the resources as CDI wires them ----

    ReminderJob job() {
        return new ReminderJob(ReminderSettingsTest.config(Map.of(ReminderSettings.SMTP_HOST_KEY, "127.0.0.1")), null);
    }

    ReminderPreferenceResponse own(String subject, Boolean email) {
        return TestPersistence.inTransaction(emf, em -> {
            OwnRemindersResource resource = new OwnRemindersResource();
            resource.user = new CurrentUser(subject, Set.of(Role.PATIENT), "127.0.0.1");
            resource.patients = new JpaPatientRepository(em);
            resource.reminders = new Reminders(em, new Rosters(em), new PatientRecordAddresses(em), new Outbox(),
                    Clock.fixed(HOUR_BEFORE, ZoneOffset.UTC));
            resource.job = job();
            return email == null ? resource.get() : resource.choose(new ReminderPreferenceRequest(email));
        });
    }

    ReminderPreferenceResponse staff(CurrentUser who, UUID patientId, Boolean email) {
        return TestPersistence.inTransaction(emf, em -> {
            Clock clock = Clock.fixed(HOUR_BEFORE, ZoneOffset.UTC);
            PatientRemindersResource resource = new PatientRemindersResource();
            resource.patients = new PatientService(new JpaPatientRepository(em), clock);
            resource.reminders = new Reminders(em, new Rosters(em), new PatientRecordAddresses(em), new Outbox(),
                    clock);
            resource.job = job();
            resource.access = AccessPolicy.forSocket(who, em, new AccessAuditLog(em, clock));
            return email == null ? resource.get(patientId) : resource.choose(patientId,
                    new ReminderPreferenceRequest(email));
        });
    }

    @Test
    void aPatientChoosesForThemselvesAndAdminsForAnyPatient() {
        Clinic c = clinic();
        UUID neverChose = c.patients().get("neverChose");
        ReminderPreferenceResponse before = own(c.subject("neverChose"), null);
        assertThat(before.patientId()).isEqualTo(neverChose);
        assertThat(before.email()).as("opt-in: off until chosen").isFalse();
        assertThat(before.hasAddress()).isTrue();
        assertThat(before.changedBy()).isNull();
        assertThat(before.leadMinutes()).isEqualTo(120);
        assertThat(before.sending()).isTrue();

        ReminderPreferenceResponse on = own(c.subject("neverChose"), true);
        assertThat(on.email()).isTrue();
        assertThat(on.changedBy()).isEqualTo("PATIENT");
        assertThat(on.changedAt()).isEqualTo(HOUR_BEFORE);
        assertThat(own(c.subject("noAddress"), null).hasAddress()).isFalse();

        CurrentUser admin = new CurrentUser("admin-" + c.tag(), Set.of(Role.ADMIN), "127.0.0.1");
        ReminderPreferenceResponse off = staff(admin, neverChose, false);
        assertThat(off.email()).isFalse();
        assertThat(off.changedBy()).isEqualTo("STAFF");
        assertThat(staff(admin, neverChose, null).email()).isFalse();

        TestPersistence.inTransaction(emf, em -> {
            assertRefused(() -> {
                OwnRemindersResource resource = new OwnRemindersResource();
                resource.user = new CurrentUser("nobody-" + c.tag(), Set.of(Role.PATIENT), "127.0.0.1");
                resource.patients = new JpaPatientRepository(em);
                resource.get();
            }, ProblemCode.ACCESS_DENIED);
            return null;
        });
        CurrentUser facilitator = new CurrentUser("stranger-" + c.tag(), Set.of(Role.FACILITATOR), "127.0.0.1");
        TestPersistence.inTransaction(emf, em -> {
            assertRefused(() -> {
                PatientRemindersResource resource = new PatientRemindersResource();
                resource.access = AccessPolicy.forSocket(facilitator, em, new AccessAuditLog(em, Clock.systemUTC()));
                resource.choose(neverChose, new ReminderPreferenceRequest(true));
            }, ProblemCode.ACCESS_DENIED);
            return null;
        });
        assertThat(staff(admin, neverChose, null).email()).as("the refused change changed nothing").isFalse();
    }

    // ---- sending ----

    @Test
    void theOptedInPatientsOnTheRosterGetOneReminderEachAndASecondRunSendsNothing() {
        Clinic c = clinic();
        Outbox outbox = new Outbox();

        Map<Reminders.Outcome, Integer> first = run(c, outbox, HOUR_BEFORE);

        assertThat(outbox.addresses()).as("the opted-in member and the make-up guest; not the one who opted out,"
                + " never chose, or left the program").containsExactlyInAnyOrder(c.addressOf("optedIn"),
                c.addressOf("guest"));
        assertThat(first).containsEntry(Reminders.Outcome.SENT, 2).containsEntry(Reminders.Outcome.NO_ADDRESS, 1);
        assertThat(outbox.sent).allSatisfy(mail -> {
            assertThat(mail.getValue().subject()).isEqualTo("Reminder: your group meets today at 6:00 PM CST");
            assertThat(mail.getValue().body()).contains("today (Monday, March 2) at 6:00 PM CST", PAGE.toString())
                    .doesNotContain("IOP", "Evening", "Patient", "synthetic", "Substance");
        });
        assertThat(sentFor(c)).extracting(SentReminder::patientId).containsExactlyInAnyOrder(
                c.patients().get("optedIn"), c.patients().get("guest"));
        assertThat(sentFor(c)).allSatisfy(row -> {
            assertThat(row.sessionId()).isEqualTo(c.monday().id());
            assertThat(row.sessionStartsAt()).isEqualTo(c.monday().startsAt());
            assertThat(row.sentAt()).isEqualTo(HOUR_BEFORE);
        });

        Map<Reminders.Outcome, Integer> again = run(c, outbox, HOUR_BEFORE.plusSeconds(60));
        assertThat(outbox.sent).as("once only").hasSize(2);
        assertThat(again).doesNotContainKey(Reminders.Outcome.SENT);
        assertThat(sentFor(c)).hasSize(2);
    }

    @Test
    void aReminderAlreadySentIsNotSentAgainEvenWhenAskedTwice() {
        Clinic c = clinic();
        Outbox outbox = new Outbox();
        Reminders.Due due = new Reminders.Due(c.monday().id(), c.patients().get("optedIn"), c.monday().startsAt());
        assertThat(send(c, outbox, HOUR_BEFORE, due)).isEqualTo(Reminders.Outcome.SENT);
        assertThat(send(c, outbox, HOUR_BEFORE, due)).isEqualTo(Reminders.Outcome.ALREADY_SENT);
        assertThat(outbox.sent).hasSize(1);
    }

    @Test
    void nothingBeforeTheLeadNorAfterTheStartNorForAnotherDaysSession() {
        Clinic c = clinic();
        Outbox outbox = new Outbox();
        Instant monday6pm = c.monday().startsAt();
        assertThat(run(c, outbox, monday6pm.minus(LEAD).minusSeconds(1))).isEmpty();
        assertThat(run(c, outbox, monday6pm)).as("at the start").isEmpty();
        assertThat(run(c, outbox, monday6pm.plusSeconds(600))).isEmpty();
        assertThat(outbox.sent).as("Wednesday's session is two days away").isEmpty();
    }

    @Test
    void neverForACancelledSession() {
        Clinic c = clinic();
        Outbox outbox = new Outbox();
        TestPersistence.run(emf, em -> em.find(GroupSession.class, c.monday().id())
                .cancel("Facilitator ill (synthetic)", HOUR_BEFORE.minusSeconds(3600)));
        assertThat(run(c, outbox, HOUR_BEFORE)).isEmpty();
        assertThat(outbox.sent).isEmpty();
        assertThat(sentFor(c)).isEmpty();
    }

    @Test
    void aPatientWhoOptsOutBeforeTheRunGetsNone() {
        Clinic c = clinic();
        Outbox outbox = new Outbox();
        List<Reminders.Due> due = TestPersistence.inTransaction(emf, em -> reminders(em, c, outbox, HOUR_BEFORE)
                .due(HOUR_BEFORE, LEAD));
        UUID optedIn = c.patients().get("optedIn");
        TestPersistence.run(emf, em -> reminders(em, c, outbox, HOUR_BEFORE).choose(optedIn, false,
                ReminderPreference.ChangedBy.STAFF));
        Reminders.Due theirs = due.stream().filter(d -> d.patientId().equals(optedIn)).findFirst().orElseThrow();
        assertThat(send(c, outbox, HOUR_BEFORE, theirs)).as("asked again when sending")
                .isEqualTo(Reminders.Outcome.NOT_DUE);
        assertThat(outbox.sent).isEmpty();
        Optional<ReminderPreference> now = TestPersistence.inTransaction(emf, em -> reminders(em, c, outbox,
                HOUR_BEFORE).preferenceOf(optedIn));
        assertThat(now).hasValueSatisfying(p -> {
                    assertThat(p.email()).isFalse();
                    assertThat(p.changedBy()).isEqualTo(ReminderPreference.ChangedBy.STAFF);
                    assertThat(p.changedAt()).isEqualTo(HOUR_BEFORE);
                });
    }

    @Test
    void aReminderTheMailServerDidNotTakeIsNotRecordedAndGoesOnTheNextRun() {
        Clinic c = clinic();
        Outbox outbox = new Outbox();
        outbox.refusing = true;
        Reminders.Due due = new Reminders.Due(c.monday().id(), c.patients().get("optedIn"), c.monday().startsAt());
        assertThatThrownBy(() -> TestPersistence.inTransaction(emf, em -> reminders(em, c, outbox, HOUR_BEFORE)
                .send(due, LEAD, PAGE))).isInstanceOf(ReminderMailer.ReminderNotSent.class)
                .hasMessageNotContaining("@");
        assertThat(sentFor(c)).isEmpty();

        outbox.refusing = false;
        run(c, outbox, HOUR_BEFORE.plusSeconds(60));
        assertThat(outbox.addresses()).contains(c.addressOf("optedIn"));
    }

    @Test
    void aSessionMovedToAnotherTimeGetsOneReminderWithTheNewTime() {
        Clinic c = clinic();
        Outbox outbox = new Outbox();
        run(c, outbox, HOUR_BEFORE);
        assertThat(outbox.sent).hasSize(2);

        Instant moveAt = HOUR_BEFORE.plusSeconds(300);
        TestPersistence.run(emf, em -> {
            GroupSession monday = em.find(GroupSession.class, c.monday().id());
            Instant start = MONDAY.atTime(18, 30).atZone(CHICAGO).toInstant();
            monday.reschedule(new PlannedSession(MONDAY, LocalTime.of(18, 30), start, start.plusSeconds(10800),
                    CHICAGO), "Facilitator delayed (synthetic)", moveAt);
        });
        run(c, outbox, moveAt.plusSeconds(60));
        assertThat(outbox.sent).hasSize(4);
        assertThat(outbox.sent.subList(2, 4)).allSatisfy(mail -> assertThat(mail.getValue().subject())
                .isEqualTo("Reminder: your group meets today at 6:30 PM CST"));
        run(c, outbox, moveAt.plusSeconds(120));
        assertThat(outbox.sent).as("once for the new time too").hasSize(4);
    }
}
