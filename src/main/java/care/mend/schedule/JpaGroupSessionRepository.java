package care.mend.schedule;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.JpaListing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Collection;
import java.util.UUID;

@ApplicationScoped
public class JpaGroupSessionRepository implements GroupSessionRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaGroupSessionRepository() {
        // for CDI
    }

    /** For tests outside the container. */
    public JpaGroupSessionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<GroupSession> find(UUID id) {
        return Optional.ofNullable(em.find(GroupSession.class, id));
    }

    @Override
    public GroupSession store(GroupSession session) {
        em.persist(session);
        return session;
    }

    @Override
    public Set<SlotKey> keysBetween(UUID groupId, LocalDate from, LocalDate to) {
        return new HashSet<>(em.createQuery("select new care.mend.schedule.GroupSessionRepository$SlotKey("
                        + "s.slotDate, s.slotStartTime) from GroupSession s where s.groupId = :group"
                        + " and s.slotDate between :from and :to", SlotKey.class)
                .setParameter("group", groupId).setParameter("from", from).setParameter("to", to)
                .getResultList());
    }

    @Override
    public List<GroupSession> takingPlaceDuring(UUID groupId, Instant from, Instant to) {
        return em.createQuery("select s from GroupSession s where s.groupId = :group and s.startsAt < :to"
                        + " and s.endsAt > :from and s.status not in :over order by s.startsAt, s.id",
                        GroupSession.class)
                .setParameter("group", groupId).setParameter("from", from).setParameter("to", to)
                .setParameter("over", List.of(GroupSessionStatus.CANCELLED, GroupSessionStatus.NOT_HELD))
                .getResultList();
    }

    @Override
    public List<SessionGuest> guestsOf(UUID sessionId) {
        return em.createQuery("select g from SessionGuest g where g.sessionId = :session order by g.addedAt, g.id",
                SessionGuest.class).setParameter("session", sessionId).getResultList();
    }

    @Override
    public List<SessionGuestResponse> describeGuests(UUID sessionId) {
        return em.createQuery("select new care.mend.schedule.SessionGuestResponse(g.id, g.sessionId, g.patientId,"
                        + " p.displayName, g.enrollmentId, e.programId, pr.name, g.reason, g.addedAt)"
                        + " from SessionGuest g, Patient p, Enrollment e, Program pr where g.sessionId = :session"
                        + " and p.id = g.patientId and e.id = g.enrollmentId and pr.id = e.programId"
                        + " order by g.addedAt, g.id", SessionGuestResponse.class)
                .setParameter("session", sessionId).getResultList();
    }

    @Override
    public SessionGuest storeGuest(SessionGuest guest) {
        em.persist(guest);
        return guest;
    }

    @Override
    public List<GroupSession> scheduledEndingBefore(Instant endedBefore, int max) {
        return em.createQuery("select s from GroupSession s where s.status = :scheduled and s.endsAt < :before"
                        + " order by s.endsAt, s.id", GroupSession.class)
                .setParameter("scheduled", GroupSessionStatus.SCHEDULED).setParameter("before", endedBefore)
                .setMaxResults(max).getResultList();
    }

    @Override
    public Page<GroupSession> list(UUID groupId, LocalDate from, LocalDate to, GroupSessionStatus status,
                                   Collection<UUID> visibleGroups, UUID guest, PageRequest page) {
        JpaListing<GroupSession> listing = JpaListing.of(GroupSession.class, "s");
        String asGuest = "s.id in (select g.sessionId from SessionGuest g where g.patientId = :guest)";
        if (visibleGroups == null || guest == null) {
            listing.within("s.groupId", "visibleGroups", visibleGroups);
        } else if (visibleGroups.isEmpty()) {
            listing.filter(asGuest, "guest", guest);
        } else {
            listing.filter("(s.groupId in :visibleGroups or " + asGuest + ")",
                    java.util.Map.of("visibleGroups", visibleGroups, "guest", guest));
        }
        return listing
                .filter("s.groupId = :group", "group", groupId)
                .filter("s.localDate >= :from", "from", from)
                .filter("s.localDate <= :to", "to", to)
                .filter("s.status = :status", "status", status)
                .page(em, "s.startsAt, s.id", page);
    }
}
