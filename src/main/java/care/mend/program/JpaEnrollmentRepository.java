package care.mend.program;

import care.mend.platform.JpaListing;
import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Optional;
import java.util.Collection;
import java.util.UUID;

@ApplicationScoped
public class JpaEnrollmentRepository implements EnrollmentRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaEnrollmentRepository() {
        // for CDI
    }

    /** For tests outside the container. */
    public JpaEnrollmentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Enrollment> find(UUID id) {
        return Optional.ofNullable(em.find(Enrollment.class, id));
    }

    // Both lock the bare row first, then load the enrollment: locking while loading would involve the eagerly
    // fetched history, which PostgreSQL can't lock in the same statement (Hibernate would lock after reading).

    @Override
    public Optional<Enrollment> findForUpdate(UUID id) {
        return lockThenLoad(em.createQuery("select e.id from Enrollment e where e.id = :id", UUID.class)
                .setParameter("id", id));
    }

    @Override
    public Optional<Enrollment> findOpenForUpdate(UUID patientId, UUID programId) {
        return lockThenLoad(em.createQuery("select e.id from Enrollment e where e.patientId = :patient"
                        + " and e.programId = :program and e.status = :enrolled", UUID.class)
                .setParameter("patient", patientId).setParameter("program", programId)
                .setParameter("enrolled", EnrollmentStatus.ENROLLED));
    }

    private Optional<Enrollment> lockThenLoad(TypedQuery<UUID> ids) {
        return ids.setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .map(id -> em.find(Enrollment.class, id));
    }

    @Override
    public Enrollment store(Enrollment enrollment) {
        em.persist(enrollment);
        return enrollment;
    }

    @Override
    public Page<Enrollment> list(UUID patientId, UUID programId, EnrollmentStatus status,
                                 Collection<UUID> visiblePatients, Collection<UUID> visiblePrograms, PageRequest page) {
        return JpaListing.of(Enrollment.class, "e")
                .within("e.patientId", "visiblePatients", visiblePatients)
                .within("e.programId", "visiblePrograms", visiblePrograms)
                .filter("e.patientId = :patient", "patient", patientId)
                .filter("e.programId = :program", "program", programId)
                .filter("e.status = :status", "status", status)
                .page(em, "e.startDate desc, e.id", page);
    }
}
