package care.mend.reminder;

import care.mend.schedule.GroupSession;
import care.mend.schedule.GroupSessionStatus;
import care.mend.schedule.Rosters;
import care.mend.schedule.SessionRoster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the reminders due and sends each once. Holds no rules: which sessions are due is {@link ReminderWindow}'s,
 * who is expected at a session the roster's ({@link Rosters}), who wants reminders {@link ReminderPreference}'s,
 * what the message says {@link ReminderMessage}'s.
 *
 * <p>Once per patient, session and start: {@link #send} writes the {@link SentReminder} row and hands the message to
 * the mail server in one transaction, so the row commits only if the server took the message; a second node doing
 * the same at the same moment waits on the row's unique key and then finds it. A message handed over whose commit
 * then failed may go twice; none is lost while the session has not started.
 */
@ApplicationScoped
public class Reminders {

    /** What one attempt to send did. */
    public enum Outcome {
        SENT,
        /** Sent before (by this node or another). */
        ALREADY_SENT,
        /** No longer due: the session moved, was cancelled or started, or the patient left its roster or opted out. */
        NOT_DUE,
        /** The patient's record has no e-mail address. */
        NO_ADDRESS
    }

    /** One reminder due: this patient, this session, this start. */
    public record Due(UUID sessionId, UUID patientId, Instant startsAt) {
    }

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    private Rosters rosters;
    private ReminderAddresses addresses;
    private ReminderMailer mailer;
    private Clock clock;

    /** For the CDI proxy. */
    protected Reminders() {
    }

    @Inject
    public Reminders(Rosters rosters, ReminderAddresses addresses, ReminderMailer mailer, Clock clock) {
        this.rosters = rosters;
        this.addresses = addresses;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** For tests outside the container. */
    public Reminders(EntityManager em, Rosters rosters, ReminderAddresses addresses, ReminderMailer mailer,
                     Clock clock) {
        this(rosters, addresses, mailer, clock);
        this.em = em;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * The reminders due at {@code now}: for each session starting within {@code lead} ({@link ReminderWindow}), the
     * patients on its roster who opted in and have not had this session's reminder for this start; sessions by start,
     * patients in the roster's order.
     */
    @Transactional
    public List<Due> due(Instant now, Duration lead) {
        List<GroupSession> sessions = em.createQuery("select s from GroupSession s where s.status in :open"
                        + " and s.startsAt > :now and s.startsAt <= :until order by s.startsAt, s.id", GroupSession.class)
                .setParameter("open", List.of(GroupSessionStatus.SCHEDULED, GroupSessionStatus.LIVE))
                .setParameter("now", now).setParameter("until", now.plus(lead)).getResultList();
        List<Due> due = new ArrayList<>();
        if (sessions.isEmpty()) {
            return due;
        }
        // The roster is computed only where someone could be on it who asked for reminders: a member of the group,
        // or a guest of the session, who opted in (most sessions, on a server where few ask, have nobody).
        Set<UUID> groups = new HashSet<>(em.createQuery("select distinct m.groupId from Membership m,"
                        + " ReminderPreference p where p.patientId = m.patientId and p.email = true"
                        + " and m.groupId in :groups", UUID.class)
                .setParameter("groups", sessions.stream().map(GroupSession::groupId).distinct().toList())
                .getResultList());
        Set<UUID> withGuests = new HashSet<>(em.createQuery("select distinct g.sessionId from SessionGuest g,"
                        + " ReminderPreference p where p.patientId = g.patientId and p.email = true"
                        + " and g.sessionId in :sessions", UUID.class)
                .setParameter("sessions", sessions.stream().map(GroupSession::id).toList()).getResultList());
        for (GroupSession session : sessions) {
            if (!ReminderWindow.isDue(session, now, lead)
                    || !(groups.contains(session.groupId()) || withGuests.contains(session.id()))) {
                continue;
            }
            Set<UUID> expected = rosters.of(session).patientIds();
            if (expected.isEmpty()) {
                continue;
            }
            Set<UUID> wanting = new HashSet<>(em.createQuery("select p.patientId from ReminderPreference p"
                    + " where p.email = true and p.patientId in :ids", UUID.class)
                    .setParameter("ids", expected).getResultList());
            Set<UUID> sent = new HashSet<>(sentFor(session));
            for (UUID patient : expected) {
                if (wanting.contains(patient) && !sent.contains(patient)) {
                    due.add(new Due(session.id(), patient, session.startsAt()));
                }
            }
        }
        return due;
    }

    /**
     * Sends one reminder, in its own transaction, if it is still due (asked again: a minute may have passed since
     * {@link #due}) and was not sent before.
     *
     * @throws ReminderMailer.ReminderNotSent when the mail server did not take it: nothing is recorded
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome send(Due due, Duration lead, URI patientPage) {
        Instant now = clock.instant();
        GroupSession session = em.find(GroupSession.class, due.sessionId());
        if (session == null || !session.startsAt().equals(due.startsAt())
                || !ReminderWindow.isDue(session, now, lead)) {
            return Outcome.NOT_DUE;
        }
        if (!wants(due.patientId())) {
            return Outcome.NOT_DUE;
        }
        SessionRoster roster = rosters.of(session);
        if (!roster.hasPatient(due.patientId())) {
            return Outcome.NOT_DUE;
        }
        if (sentFor(session).contains(due.patientId())) {
            return Outcome.ALREADY_SENT;
        }
        Optional<String> address = addresses.of(due.patientId());
        if (address.isEmpty()) {
            return Outcome.NO_ADDRESS;
        }
        // The row first: a second node inserting the same key waits here until this transaction ends, then fails.
        em.persist(new SentReminder(session.id(), due.patientId(), session.startsAt(), now));
        em.flush();
        mailer.send(address.get(), ReminderMessage.of(session, now, patientPage));
        return Outcome.SENT;
    }

    /** Whether the patient wants reminders by e-mail (no choice recorded: no). */
    public boolean wants(UUID patientId) {
        ReminderPreference preference = em.find(ReminderPreference.class, patientId);
        return preference != null && preference.email();
    }

    /** The patient's choice from now on, by the patient themselves or by staff. */
    @Transactional
    public ReminderPreference choose(UUID patientId, boolean email, ReminderPreference.ChangedBy by) {
        Instant now = clock.instant();
        ReminderPreference preference = em.find(ReminderPreference.class, patientId);
        if (preference == null) {
            preference = new ReminderPreference(patientId, email, by, now);
            em.persist(preference);
        } else {
            preference.choose(email, by, now);
        }
        return preference;
    }

    /** The patient's choice, if one was ever made. */
    public Optional<ReminderPreference> preferenceOf(UUID patientId) {
        return Optional.ofNullable(em.find(ReminderPreference.class, patientId));
    }

    /** Whether the patient's record has an address reminders can go to. */
    public boolean hasAddress(UUID patientId) {
        return addresses.of(patientId).isPresent();
    }

    private List<UUID> sentFor(GroupSession session) {
        return em.createQuery("select r.patientId from SentReminder r where r.sessionId = :s"
                        + " and r.sessionStartsAt = :start", UUID.class)
                .setParameter("s", session.id()).setParameter("start", session.startsAt()).getResultList();
    }
}
