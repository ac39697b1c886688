package care.mend.schedule;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.JpaListing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaMembershipRepository implements MembershipRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaMembershipRepository() {
        // for CDI
    }

    /** For tests outside the container. */
    public JpaMembershipRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Membership> find(UUID id) {
        return Optional.ofNullable(em.find(Membership.class, id));
    }

    @Override
    public Membership store(Membership membership) {
        em.persist(membership);
        return membership;
    }

    @Override
    public List<Membership> activeOnOrAfter(UUID groupId, LocalDate day) {
        return em.createQuery("select m from Membership m where m.groupId = :group"
                        + " and (m.toDate is null or m.toDate >= :day)", Membership.class)
                .setParameter("group", groupId).setParameter("day", day).getResultList();
    }

    @Override
    public List<Membership> openInProgram(UUID patientId, UUID programId) {
        return em.createQuery("select m from Membership m where m.patientId = :patient and m.toDate is null"
                        + " and m.voidedAt is null and m.groupId in (select g.id from TherapyGroup g where g.programId = :program)",
                        Membership.class)
                .setParameter("patient", patientId).setParameter("program", programId).getResultList();
    }

    @Override
    public Page<Membership> list(UUID groupId, LocalDate activeOn, PageRequest page) {
        return JpaListing.of(Membership.class, "m")
                .filter("m.groupId = :group", "group", groupId)
                .filter("m.fromDate <= :day and (m.toDate is null or m.toDate >= :day) and m.voidedAt is null", "day",
                        activeOn)
                .page(em, "m.fromDate, m.id", page);
    }
}
