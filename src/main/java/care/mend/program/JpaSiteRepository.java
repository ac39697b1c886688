package care.mend.program;

import care.mend.platform.JpaListing;
import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaSiteRepository implements SiteRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaSiteRepository() {
        // for CDI
    }

    /** For tests outside the container. */
    public JpaSiteRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Site> find(UUID id) {
        return Optional.ofNullable(em.find(Site.class, id));
    }

    @Override
    public Site store(Site site) {
        em.persist(site);
        return site;
    }

    @Override
    public Page<Site> list(Boolean active, PageRequest page) {
        return JpaListing.of(Site.class, "s").filter("s.active = :active", "active", active)
                .page(em, "s.name, s.id", page);
    }

    @Override
    public boolean any() {
        return !em.createQuery("select s.id from Site s", UUID.class).setMaxResults(1).getResultList().isEmpty();
    }
}
