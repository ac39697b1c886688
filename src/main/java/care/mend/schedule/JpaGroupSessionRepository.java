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
                        + "s.localDate, s.startLocalTime) from GroupSession s where s.groupId = :group"
                        + " and s.localDate between :from and :to", SlotKey.class)
                .setParameter("group", groupId).setParameter("from", from).setParameter("to", to)
                .getResultList());
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
                                   Collection<UUID> visibleGroups, PageRequest page) {
        return JpaListing.of(GroupSession.class, "s")
                .within("s.groupId", "visibleGroups", visibleGroups)
                .filter("s.groupId = :group", "group", groupId)
                .filter("s.localDate >= :from", "from", from)
                .filter("s.localDate <= :to", "to", to)
                .filter("s.status = :status", "status", status)
                .page(em, "s.startsAt, s.id", page);
    }
}
