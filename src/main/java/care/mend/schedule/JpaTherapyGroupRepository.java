package care.mend.schedule;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.JpaListing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Collection;
import java.util.UUID;

@ApplicationScoped
public class JpaTherapyGroupRepository implements TherapyGroupRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaTherapyGroupRepository() {
        // for CDI
    }

    /** For tests outside the container. */
    public JpaTherapyGroupRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<TherapyGroup> find(UUID id) {
        return Optional.ofNullable(em.find(TherapyGroup.class, id));
    }

    /**
     * Locks the bare row first, then loads the group. Loading and locking in one statement would join the element
     * collections, which PostgreSQL can't lock; Hibernate would then lock after reading, and the group's state
     * (its capacity) could be stale by the time the lock is held.
     */
    @Override
    public Optional<TherapyGroup> findForUpdate(UUID id) {
        boolean exists = !em.createQuery("select g.id from TherapyGroup g where g.id = :id", UUID.class)
                .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().isEmpty();
        return exists ? Optional.ofNullable(em.find(TherapyGroup.class, id)) : Optional.empty();
    }

    @Override
    public TherapyGroup store(TherapyGroup group) {
        em.persist(group);
        return group;
    }

    @Override
    public Page<TherapyGroup> list(UUID programId, UUID siteId, UUID facilitatorId, Collection<UUID> visible,
                                   PageRequest page) {
        return JpaListing.of(TherapyGroup.class, "g")
                .within("g.id", "visible", visible)
                .filter("g.programId = :program", "program", programId)
                .filter("g.siteId = :site", "site", siteId)
                .filter(":facilitator member of g.facilitatorIds", "facilitator", facilitatorId)
                .page(em, "g.name, g.id", page);
    }

    @Override
    public java.util.Map<UUID, String> namesOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        em.createQuery("select g.id, g.name from TherapyGroup g where g.id in :ids", Object[].class)
                .setParameter("ids", java.util.Set.copyOf(ids)).getResultList()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }
}
