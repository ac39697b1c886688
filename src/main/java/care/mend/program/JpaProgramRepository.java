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
public class JpaProgramRepository implements ProgramRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaProgramRepository() {
        // for CDI
    }

    /** For tests outside the container. */
    public JpaProgramRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Program> find(UUID id) {
        return Optional.ofNullable(em.find(Program.class, id));
    }

    @Override
    public Program store(Program program) {
        em.persist(program);
        return program;
    }

    @Override
    public Page<Program> list(UUID siteId, ProgramKind kind, PageRequest page) {
        return JpaListing.of(Program.class, "p")
                .filter("p.siteId = :site", "site", siteId)
                .filter("p.kind = :kind", "kind", kind)
                .page(em, "p.name, p.id", page);
    }
}
