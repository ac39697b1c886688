package care.mend.consent;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Consent texts and decisions: publishing a new version, a patient's verdict per program ({@link ConsentRule}),
 * accepting the current version, withdrawing. Holds no rule of its own beyond numbering (versions and decisions one
 * past the latest, backed by unique constraints); who may is the access policy's.
 */
@ApplicationScoped
@Transactional
public class Consents {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    private Clock clock;

    /** For the CDI proxy. */
    protected Consents() {
    }

    @Inject
    public Consents(Clock clock) {
        this.clock = clock;
    }

    /** For tests outside the container. */
    public Consents(EntityManager em, Clock clock) {
        this(clock);
        this.em = em;
    }

    // ---- texts ----

    /** Every published version of the program's texts, newest first within each kind. */
    public List<ConsentText> texts(UUID programId) {
        return textsOf(em, programId);
    }

    /** The current (highest) version of each kind the program has published. */
    public List<ConsentText> current(UUID programId) {
        List<ConsentText> current = new ArrayList<>();
        Set<ConsentKind> seen = new LinkedHashSet<>();
        for (ConsentText text : texts(programId)) {
            if (seen.add(text.kind())) {
                current.add(text);
            }
        }
        return current;
    }

    /**
     * Publishes a new version of the program's text of {@code kind}: one past the latest (1 for the first). Every
     * patient's earlier acceptance of the kind then no longer lets them join until they accept this one.
     */
    public ConsentText publish(UUID programId, ConsentKind kind, String title, String body, String publisher) {
        program(programId);
        int version = texts(programId).stream().filter(t -> t.kind() == kind).mapToInt(ConsentText::version)
                .max().orElse(0) + 1;
        ConsentText text = new ConsentText(programId, kind, version, title, body, publisher, clock.instant());
        em.persist(text);
        flushOr("Another version of this text was published at the same time; read the texts again");
        return text;
    }

    public ConsentText text(UUID textId) {
        ConsentText text = em.find(ConsentText.class, textId);
        if (text == null) {
            throw MendException.notFound("consent text", textId);
        }
        return text;
    }

    public Program program(UUID programId) {
        Program program = em.find(Program.class, programId);
        if (program == null) {
            throw MendException.notFound("program", programId);
        }
        return program;
    }

    // ---- a patient's decisions ----

    /** The patient's verdict in the program: what they have accepted, what is still open. */
    public ConsentRule.Verdict verdict(UUID patientId, UUID programId) {
        return verdictOf(em, patientId, programId);
    }

    /**
     * The verdict read straight from the database, for the access policy's join decision (which runs outside CDI on
     * the signaling socket's worker, with the connection's entity manager).
     */
    public static ConsentRule.Verdict verdictOf(EntityManager em, UUID patientId, UUID programId) {
        return ConsentRule.judge(programId, textsOf(em, programId), decisionsOf(em, patientId, programId));
    }

    /**
     * Accepts the text {@code textId}, which must be the current version of its kind ({@code version} says which the
     * patient read): else 409 {@code CONSENT_VERSION_STALE}, nothing written. Accepting what is already accepted
     * writes nothing.
     */
    public ConsentRule.Verdict accept(UUID patientId, UUID textId, int version, String actor) {
        ConsentText text = text(textId);
        ConsentRule.Verdict before = verdict(patientId, text.programId());
        ConsentRule.KindVerdict kind = before.of(text.kind());
        if (text.version() != version || !kind.current().id().equals(text.id())) {
            throw MendException.rule(ProblemCode.CONSENT_VERSION_STALE, "Version " + kind.current().version()
                    + " of this text is the current one; read it and accept that one");
        }
        if (kind.state() == ConsentRule.State.ACCEPTED) {
            return before;
        }
        decide(patientId, text, kind, ConsentChoice.ACCEPTED, actor);
        return verdict(patientId, text.programId());
    }

    /**
     * Withdraws the patient's acceptance in the program: of {@code kind}, or of every kind when null. The withdrawal
     * names the version that was accepted. Nothing in force: 409 {@code CONSENT_NOT_GIVEN}.
     */
    public ConsentRule.Verdict withdraw(UUID patientId, UUID programId, ConsentKind kind, String actor) {
        program(programId);
        ConsentRule.Verdict before = verdict(patientId, programId);
        boolean withdrew = false;
        for (ConsentRule.KindVerdict k : before.kinds()) {
            if ((kind == null || k.kind() == kind) && k.acceptedVersion() != null) {
                decide(patientId, text(k.latest().textId()), k, ConsentChoice.WITHDRAWN, actor);
                withdrew = true;
            }
        }
        if (!withdrew) {
            throw MendException.rule(ProblemCode.CONSENT_NOT_GIVEN, "Nothing has been accepted there to withdraw");
        }
        return verdict(patientId, programId);
    }

    private void decide(UUID patientId, ConsentText text, ConsentRule.KindVerdict kind, ConsentChoice choice,
                        String actor) {
        int sequence = kind.latest() == null ? 1 : kind.latest().sequence() + 1;
        em.persist(new ConsentDecision(patientId, text, sequence, choice, now(kind), actor));
        flushOr("Another decision on this text was recorded at the same time; read them again");
    }

    /** The server's time, never before the decision it follows (a clock stepped back does not reorder the record). */
    private Instant now(ConsentRule.KindVerdict kind) {
        Instant now = clock.instant();
        return kind.latest() != null && now.isBefore(kind.latest().decidedAt()) ? kind.latest().decidedAt() : now;
    }

    /** Every decision of the patient, newest first: the record's history. */
    public List<ConsentDecision> history(UUID patientId) {
        return em.createQuery("select d from ConsentDecision d where d.patientId = :p"
                + " order by d.decidedAt desc, d.sequence desc", ConsentDecision.class)
                .setParameter("p", patientId).getResultList();
    }

    /**
     * The programs whose texts concern the patient: those they are (or were) enrolled in, and those of the groups
     * whose sessions they are a make-up guest of. In the order of their names.
     */
    public List<Program> programsOf(UUID patientId) {
        Set<UUID> ids = new LinkedHashSet<>(em.createQuery(
                "select e.programId from Enrollment e where e.patientId = :p", UUID.class)
                .setParameter("p", patientId).getResultList());
        ids.addAll(em.createQuery("select g.programId from SessionGuest sg, GroupSession s, TherapyGroup g"
                + " where sg.patientId = :p and s.id = sg.sessionId and g.id = s.groupId", UUID.class)
                .setParameter("p", patientId).getResultList());
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Program p where p.id in :ids order by p.name, p.id", Program.class)
                .setParameter("ids", ids).getResultList();
    }

    /** The program of a session's group, if the session exists. */
    public Optional<UUID> programOfSession(UUID sessionId) {
        return em.createQuery("select g.programId from GroupSession s, TherapyGroup g where s.id = :s"
                + " and g.id = s.groupId", UUID.class).setParameter("s", sessionId).getResultList().stream()
                .findFirst();
    }

    private static List<ConsentText> textsOf(EntityManager em, UUID programId) {
        // In the order of ConsentKind (the database would sort the kinds' names), newest version first.
        return em.createQuery("select t from ConsentText t where t.programId = :p", ConsentText.class)
                .setParameter("p", programId).getResultList().stream()
                .sorted(java.util.Comparator.comparing(ConsentText::kind)
                        .thenComparing(ConsentText::version, java.util.Comparator.reverseOrder()))
                .toList();
    }

    private static List<ConsentDecision> decisionsOf(EntityManager em, UUID patientId, UUID programId) {
        return em.createQuery("select d from ConsentDecision d where d.patientId = :p and d.programId = :program",
                ConsentDecision.class).setParameter("p", patientId).setParameter("program", programId)
                .getResultList();
    }

    private void flushOr(String detail) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            // The unique constraint on the number: another request took it between the read and the insert.
            throw MendException.rule(ProblemCode.CONCURRENT_MODIFICATION, detail);
        }
    }
}
