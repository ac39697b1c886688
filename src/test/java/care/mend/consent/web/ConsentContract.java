package care.mend.consent.web;

import static care.mend.MendAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.consent.ConsentKind;
import care.mend.consent.ConsentRule;
import care.mend.consent.Consents;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.EmergencyContact;
import care.mend.program.Enrollment;
import care.mend.program.Patient;
import care.mend.program.Program;
import care.mend.program.ProgramKind;
import care.mend.program.ProgramPlan;
import care.mend.program.Site;
import care.mend.program.StaffMember;
import care.mend.schedule.GroupSession;
import care.mend.schedule.Membership;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Consent through its resources, the access policy and a real database: versions one past the latest, a stale
 * version refused, withdrawal, the join refused with CONSENT_REQUIRED until every current text is accepted (and again
 * after a withdrawal and after a new version), staff never asked, a program without texts refusing its patients, and
 * the access log's rows. All data synthetic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsentContract {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Instant CREATED = Instant.parse("2026-02-23T15:00:00Z");
    static final Instant NOW = MONDAY.atTime(17, 40).atZone(CHICAGO).toInstant();
    static final WeeklySchedule MONDAYS = new WeeklySchedule(CHICAGO, List.of(
            new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180)));

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

    record Clinic(UUID programId, UUID otherProgramId, GroupSession session, Caller facilitator, Caller patient,
                  UUID patientId, Caller stranger) {
    }

    /** A program with one group, its facilitator, one member patient, a Monday session; another program; stored. */
    Clinic clinic() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return TestPersistence.inTransaction(emf, em -> {
            Site site = new Site("Consent Clinic " + tag, "Jackson", "TN", CHICAGO, CREATED);
            StaffMember facilitator = new StaffMember("facilitator-" + tag, "Facilitator F. (synthetic)", CREATED);
            Program program = new Program(site.id(), "Evening IOP " + tag, ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180), CREATED);
            Program other = new Program(site.id(), "Other IOP " + tag, ProgramKind.MENTAL_HEALTH_IOP,
                    ProgramPlan.of(24, 3, 180), CREATED);
            TherapyGroup group = new TherapyGroup("Evening group", program.id(), site.id(), 12, MONDAYS,
                    Set.of(facilitator.id()), CREATED);
            Patient patient = new Patient("patient-" + tag, "Patient P. (synthetic)",
                    new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
            Patient stranger = new Patient("stranger-" + tag, "Patient S. (synthetic)",
                    new EmergencyContact("Contact C.", "+1 555 0100"), CREATED);
            Enrollment enrollment = new Enrollment(patient.id(), program.id(), MONDAY.minusWeeks(1), null, CREATED);
            Membership membership = group.admit(patient.id(), MONDAY.minusWeeks(1), enrollment, List.of(), CREATED);
            GroupSession session = new GroupSession(group.id(),
                    SessionScheduler.expand(MONDAYS, MONDAY, MONDAY).get(0), CREATED);
            for (Object entity : List.of(site, facilitator, program, other, group, patient, stranger, enrollment,
                    membership, session)) {
                em.persist(entity);
            }
            return new Clinic(program.id(), other.id(), session, new Caller(facilitator.idpSubject(),
                    Role.FACILITATOR), new Caller(patient.idpSubject(), Role.PATIENT), patient.id(),
                    new Caller(stranger.idpSubject(), Role.PATIENT));
        });
    }

    // ---- requests, wired as CDI would, one transaction each ----

    private static final Caller ADMIN = new Caller("sub-admin", Role.ADMIN);

    private AccessPolicy policy(Caller who, EntityManager em) {
        return AccessPolicy.forSocket(who.user(), em, new AccessAuditLog(em, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private <R> R as(Caller who, Function<Wired, R> call) {
        ProblemCode expected = refusal;
        refusal = null;
        return TestPersistence.inTransaction(emf, em -> {
            Wired wired = new Wired(em, policy(who, em));
            if (expected == null) {
                return call.apply(wired);
            }
            assertRefused(() -> call.apply(wired), expected);
            return null;
        });
    }

    private ProblemCode refusal;

    private ConsentContract refused(ProblemCode code) {
        refusal = code;
        return this;
    }

    private final class Wired {
        final EntityManager em;
        final AccessPolicy policy;
        final Consents consents;

        Wired(EntityManager em, AccessPolicy policy) {
            this.em = em;
            this.policy = policy;
            this.consents = new Consents(em, Clock.fixed(NOW, ZoneOffset.UTC));
        }

        MyConsentResource mine() {
            MyConsentResource r = new MyConsentResource();
            r.consents = consents;
            r.access = policy;
            return r;
        }

        ProgramConsentTextResource texts() {
            ProgramConsentTextResource r = new ProgramConsentTextResource();
            r.consents = consents;
            r.access = policy;
            return r;
        }

        PatientConsentResource record() {
            PatientConsentResource r = new PatientConsentResource();
            r.consents = consents;
            r.access = policy;
            r.em = em;
            return r;
        }

        boolean join(GroupSession session) {
            policy.requireJoinRoom(new Rosters(em).of(session));
            return true;
        }
    }

    private ConsentTextResponse publish(UUID program, ConsentKind kind, String body) {
        return as(ADMIN, w -> w.policy.publishConsentText(program, () -> ConsentTextResponse.from(
                w.consents.publish(program, kind, "Title " + kind, body, ADMIN.subject()))));
    }

    private ProgramConsentResponse accept(Caller who, ConsentTextResponse text) {
        return as(who, w -> w.mine().accept(new AcceptConsentRequest(text.id(), text.version())));
    }

    private void assertJoinRefused(Clinic c, ProblemCode code) {
        refused(code).as(c.patient(), w -> w.join(c.session()));
    }

    private void assertJoins(Caller who, Clinic c) {
        Boolean joined = as(who, w -> w.join(c.session()));
        assertThat(joined).isTrue();
    }

    @Test
    void aProgramWithoutTextsRefusesItsPatientsButNotItsFacilitator() {
        Clinic c = clinic();
        assertJoinRefused(c, ProblemCode.CONSENT_REQUIRED);
        assertJoins(c.facilitator(), c);

        MyConsentsResponse mine = as(c.patient(), w -> w.mine().mine(null));
        assertThat(mine.satisfied()).isFalse();
        assertThat(mine.programs()).singleElement().satisfies(p -> assertThat(p.kinds())
                .extracting(ProgramConsentResponse.Kind::state)
                .containsOnly(ConsentRule.State.NOT_PUBLISHED));
    }

    @Test
    void acceptingEveryCurrentTextLetsThePatientJoinAndIsLoggedWithTimeAndVersion() {
        Clinic c = clinic();
        ConsentTextResponse telehealth = publish(c.programId(), ConsentKind.TELEHEALTH_CONSENT, "Video therapy.");
        ConsentTextResponse agreement = publish(c.programId(), ConsentKind.GROUP_AGREEMENT, "Stays in the group.");
        assertThat(telehealth.version()).isEqualTo(1);

        MyConsentsResponse asked = as(c.patient(), w -> w.mine().mine(c.session().id().toString()));
        assertThat(asked.programs()).singleElement().satisfies(p -> {
            assertThat(p.programId()).isEqualTo(c.programId());
            assertThat(p.kinds()).extracting(k -> k.text().body()).containsExactly("Video therapy.",
                    "Stays in the group.");
            assertThat(p.kinds()).extracting(ProgramConsentResponse.Kind::state)
                    .containsOnly(ConsentRule.State.NOT_ACCEPTED);
        });

        accept(c.patient(), telehealth);
        assertJoinRefused(c, ProblemCode.CONSENT_REQUIRED);
        ProgramConsentResponse after = accept(c.patient(), agreement);
        assertThat(after.satisfied()).isTrue();
        assertThat(after.kinds()).allSatisfy(k -> {
            assertThat(k.acceptedVersion()).isEqualTo(1);
            assertThat(k.decidedAt()).isEqualTo(NOW);
        });
        assertJoins(c.patient(), c);

        // Accepting again records nothing new.
        accept(c.patient(), agreement);
        PatientConsentsResponse record = as(c.facilitator(), w -> w.record().consents(c.patientId()));
        assertThat(record.history()).hasSize(2).allSatisfy(d -> {
            assertThat(d.byPatient()).isTrue();
            assertThat(d.version()).isEqualTo(1);
        });
        assertThat(rows(c.patientId(), "ACCEPT_CONSENT", AccessOutcome.ALLOWED)).hasSize(3);
        assertThat(rows(c.patientId(), "READ_CONSENT", AccessOutcome.ALLOWED)).hasSize(1);
        assertThat(rows(c.patientId(), "JOIN_ROOM", AccessOutcome.DENIED)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.scopeFilter()).isEqualTo("CONSENT_REQUIRED"));
    }

    @Test
    void aNewVersionAsksAgainAndTheOldOneIsStale() {
        Clinic c = clinic();
        ConsentTextResponse telehealth = publish(c.programId(), ConsentKind.TELEHEALTH_CONSENT, "Version one.");
        ConsentTextResponse agreement = publish(c.programId(), ConsentKind.GROUP_AGREEMENT, "Agreement.");
        accept(c.patient(), telehealth);
        accept(c.patient(), agreement);
        assertJoins(c.patient(), c);

        ConsentTextResponse second = publish(c.programId(), ConsentKind.TELEHEALTH_CONSENT, "Version two.");
        assertThat(second.version()).isEqualTo(2);
        assertJoinRefused(c, ProblemCode.CONSENT_REQUIRED);
        MyConsentsResponse mine = as(c.patient(), w -> w.mine().mine(null));
        assertThat(mine.programs().get(0).kinds().get(0).state()).isEqualTo(ConsentRule.State.NEW_VERSION);

        refused(ProblemCode.CONSENT_VERSION_STALE).accept(c.patient(), telehealth);
        refused(ProblemCode.CONSENT_VERSION_STALE).as(c.patient(),
                w -> w.mine().accept(new AcceptConsentRequest(second.id(), 1)));
        accept(c.patient(), second);
        assertJoins(c.patient(), c);

        List<ConsentTextResponse> versions = as(c.facilitator(), w -> w.texts().texts(c.programId()));
        assertThat(versions).extracting(ConsentTextResponse::version).containsExactly(2, 1, 1);
        assertThat(versions.get(1).body()).isEqualTo("Version one.");
    }

    @Test
    void aWithdrawalBarsTheJoinUntilTheNextAcceptance() {
        Clinic c = clinic();
        ConsentTextResponse telehealth = publish(c.programId(), ConsentKind.TELEHEALTH_CONSENT, "Video.");
        ConsentTextResponse agreement = publish(c.programId(), ConsentKind.GROUP_AGREEMENT, "Agreement.");
        refused(ProblemCode.CONSENT_NOT_GIVEN).as(c.patient(),
                w -> w.mine().withdraw(new WithdrawConsentRequest(c.programId(), null)));
        accept(c.patient(), telehealth);
        accept(c.patient(), agreement);

        ProgramConsentResponse withdrawn = as(c.patient(),
                w -> w.mine().withdraw(new WithdrawConsentRequest(c.programId(), null)));
        assertThat(withdrawn.satisfied()).isFalse();
        assertThat(withdrawn.kinds()).extracting(ProgramConsentResponse.Kind::state)
                .containsOnly(ConsentRule.State.WITHDRAWN);
        assertJoinRefused(c, ProblemCode.CONSENT_REQUIRED);

        PatientConsentsResponse record = as(ADMIN, w -> w.record().consents(c.patientId()));
        assertThat(record.programs().get(0).kinds()).extracting(ProgramConsentResponse.Kind::state)
                .containsOnly(ConsentRule.State.WITHDRAWN);
        assertThat(record.history()).extracting(PatientConsentsResponse.Decision::decision).map(Enum::name)
                .containsExactly("WITHDRAWN", "WITHDRAWN", "ACCEPTED", "ACCEPTED");

        accept(c.patient(), telehealth);
        accept(c.patient(), agreement);
        assertJoins(c.patient(), c);
        assertThat(rows(c.patientId(), "WITHDRAW_CONSENT", AccessOutcome.ALLOWED)).hasSize(1);
    }

    @Test
    void onlyThePatientOfTheProgramDecidesAndOnlyStaffWhoSeeThemRead() {
        Clinic c = clinic();
        ConsentTextResponse telehealth = publish(c.programId(), ConsentKind.TELEHEALTH_CONSENT, "Video.");
        ConsentTextResponse elsewhere = publish(c.otherProgramId(), ConsentKind.TELEHEALTH_CONSENT, "Elsewhere.");
        refused(ProblemCode.ACCESS_DENIED).accept(c.stranger(), telehealth);
        refused(ProblemCode.ACCESS_DENIED).accept(c.patient(), elsewhere);
        refused(ProblemCode.ACCESS_DENIED).accept(c.facilitator(), telehealth);
        refused(ProblemCode.ACCESS_DENIED).as(c.facilitator(), w -> w.mine().mine(null));
        refused(ProblemCode.ACCESS_DENIED).as(c.patient(), w -> w.record().consents(c.patientId()));
        refused(ProblemCode.ACCESS_DENIED).as(c.facilitator(), w -> w.record().consents(
                patientOf(c.stranger())));
        refused(ProblemCode.ACCESS_DENIED).as(c.facilitator(), w -> w.policy.publishConsentText(c.programId(),
                () -> "never"));
        assertThat(rows(patientOf(c.stranger()), "ACCEPT_CONSENT", AccessOutcome.DENIED)).hasSize(1);
        ConsentRule.Verdict verdict = as(c.patient(), w -> w.consents.verdict(c.patientId(), c.programId()));
        assertThat(verdict.satisfied()).isFalse();
    }

    private UUID patientOf(Caller caller) {
        return TestPersistence.inTransaction(emf, em -> em.createQuery(
                "select p.id from Patient p where p.idpSubject = :s", UUID.class).setParameter("s", caller.subject())
                .getSingleResult());
    }

    private List<AccessAuditEntry> rows(UUID patientId, String action, AccessOutcome outcome) {
        return TestPersistence.inTransaction(emf, em -> em.createQuery("select a from AccessAuditEntry a"
                + " where a.patientId = :p and a.action = :a and a.outcome = :o", AccessAuditEntry.class)
                .setParameter("p", patientId).setParameter("a", action).setParameter("o", outcome)
                .getResultList());
    }
}
