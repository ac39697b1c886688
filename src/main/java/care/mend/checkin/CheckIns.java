package care.mend.checkin;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.CheckInPlan;
import care.mend.program.Program;
import care.mend.schedule.GroupSession;
import care.mend.schedule.GroupSessionStatus;
import care.mend.schedule.TherapyGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Check-ins: recorded for the patient about to join a session, read as the facilitator's round of one session and as
 * one patient's trend. Holds no rules beyond when check-in is open ({@link #isOpen}); the answers' rules are
 * {@link CheckIn}'s, who may is the access policy's.
 */
@ApplicationScoped
@Transactional
public class CheckIns {

    /** The most check-ins a trend shows: the latest, which at four sessions a week is about a program and a half. */
    public static final int TREND_MAX = 60;

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    private Clock clock;

    /** For the CDI proxy. */
    protected CheckIns() {
    }

    @Inject
    public CheckIns(Clock clock) {
        this.clock = clock;
    }

    /** For tests outside the container. */
    public CheckIns(EntityManager em, Clock clock) {
        this(clock);
        this.em = em;
    }

    /**
     * When a patient may check in for a session: on the session's local day, in its zone, until its scheduled end,
     * while it is scheduled or live (so early, while getting ready, and late, joining after the start). Not for a
     * session cancelled, ended or not held.
     */
    public static boolean isOpen(GroupSession session, Instant now) {
        return (session.status() == GroupSessionStatus.SCHEDULED || session.status() == GroupSessionStatus.LIVE)
                && now.isBefore(session.endsAt())
                && LocalDate.ofInstant(now, session.timeZone()).equals(session.localDate());
    }

    /** What the patient's page needs to offer the check-in: the program's plan, whether it is open, and theirs. */
    public record Prompt(GroupSession session, CheckInPlan plan, boolean open, Optional<CheckIn> existing) {

        /** Whether the page should ask: the program asks, it is open, and the patient has not checked in yet. */
        public boolean ask() {
            return plan.enabled() && open && existing.isEmpty();
        }
    }

    public GroupSession session(UUID sessionId) {
        GroupSession session = em.find(GroupSession.class, sessionId);
        if (session == null) {
            throw MendException.notFound("session", sessionId);
        }
        return session;
    }

    public Prompt prompt(GroupSession session, UUID patientId) {
        return new Prompt(session, planOf(session), isOpen(session, clock.instant()), find(session.id(), patientId));
    }

    /**
     * Records the patient's check-in for the session, with the server's time and the program's thresholds of now.
     * Refused when the program does not ask ({@code CHECK_IN_NOT_ASKED}), outside the day and hours above
     * ({@code CHECK_IN_CLOSED}), and when the patient already checked in ({@code CHECK_IN_EXISTS}: kept as given,
     * never replaced, also when two arrive at once).
     */
    public CheckIn record(GroupSession session, UUID patientId, CheckIn.Answers answers) {
        CheckInPlan plan = planOf(session);
        if (!plan.enabled()) {
            throw MendException.rule(ProblemCode.CHECK_IN_NOT_ASKED, "The session's program asks for no check-in");
        }
        Instant now = clock.instant();
        if (!isOpen(session, now)) {
            throw MendException.rule(ProblemCode.CHECK_IN_CLOSED,
                    "Check-in is open on the session's day until it ends, while it is scheduled or live");
        }
        if (find(session.id(), patientId).isPresent()) {
            throw exists();
        }
        CheckIn checkIn = new CheckIn(session.id(), patientId, answers, plan, now);
        em.persist(checkIn);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Another request checked the same patient in between the look and the insert: the unique constraint.
            throw exists();
        }
        return checkIn;
    }

    /** The session's check-ins, by time. */
    public List<CheckIn> ofSession(UUID sessionId) {
        return em.createQuery("select c from CheckIn c where c.sessionId = :s order by c.checkedInAt, c.id",
                CheckIn.class).setParameter("s", sessionId).getResultList();
    }

    /** One point of a patient's trend: a check-in with its session's day and group. */
    public record TrendPoint(CheckIn checkIn, LocalDate date, UUID groupId) {
    }

    /**
     * The patient's latest {@link #TREND_MAX} check-ins in the sessions of {@code groups} (null: any group), oldest
     * first.
     */
    public List<TrendPoint> trendOf(UUID patientId, Collection<UUID> groups) {
        if (groups != null && groups.isEmpty()) {
            return List.of();
        }
        String within = groups == null ? "" : " and s.groupId in :groups";
        var query = em.createQuery("select c, s.localDate, s.groupId from CheckIn c, GroupSession s"
                        + " where c.sessionId = s.id and c.patientId = :p" + within
                        + " order by s.startsAt desc, c.id", Object[].class)
                .setParameter("p", patientId).setMaxResults(TREND_MAX);
        if (groups != null) {
            query.setParameter("groups", groups);
        }
        List<TrendPoint> points = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            points.add(new TrendPoint((CheckIn) row[0], (LocalDate) row[1], (UUID) row[2]));
        }
        Collections.reverse(points);
        return points;
    }

    /** The check-ins of these patients in these sessions, for the FHIR export. */
    public List<CheckIn> of(Collection<UUID> sessionIds, Collection<UUID> patientIds) {
        if (sessionIds.isEmpty() || patientIds.isEmpty()) {
            return List.of();
        }
        List<CheckIn> found = new ArrayList<>();
        List<UUID> sessions = new ArrayList<>(sessionIds);
        // Bound the IN lists well below PostgreSQL's parameter limit; a report rarely spans more sessions.
        for (int from = 0; from < sessions.size(); from += 500) {
            found.addAll(em.createQuery("select c from CheckIn c where c.sessionId in :s"
                            + " order by c.checkedInAt, c.id", CheckIn.class)
                    .setParameter("s", sessions.subList(from, Math.min(sessions.size(), from + 500)))
                    .getResultList());
        }
        java.util.Set<UUID> patients = java.util.Set.copyOf(patientIds);
        found.removeIf(c -> !patients.contains(c.patientId()));
        return found;
    }

    /** The check-in plan of the session's program. */
    public CheckInPlan planOf(GroupSession session) {
        TherapyGroup group = em.find(TherapyGroup.class, session.groupId());
        return em.find(Program.class, group.programId()).checkInPlan();
    }

    private Optional<CheckIn> find(UUID sessionId, UUID patientId) {
        return em.createQuery("select c from CheckIn c where c.sessionId = :s and c.patientId = :p", CheckIn.class)
                .setParameter("s", sessionId).setParameter("p", patientId).getResultStream().findFirst();
    }

    private static MendException exists() {
        return MendException.rule(ProblemCode.CHECK_IN_EXISTS, "The patient has already checked in for this session");
    }
}
