package care.mend.program;

import care.mend.platform.JpaListing;
import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Collection;
import java.util.UUID;

@ApplicationScoped
public class JpaPatientRepository implements PatientRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaPatientRepository() {
        // for CDI
    }

    /** For tests outside the container. */
    public JpaPatientRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Patient> find(UUID id) {
        return Optional.ofNullable(em.find(Patient.class, id));
    }

    @Override
    public Optional<Patient> findByIdpSubject(String idpSubject) {
        return em.createQuery("select p from Patient p where p.idpSubject = :s", Patient.class)
                .setParameter("s", idpSubject).getResultStream().findFirst();
    }

    @Override
    public Patient store(Patient patient) {
        em.persist(patient);
        return patient;
    }

    @Override
    public Page<Patient> list(String idpSubject, Collection<UUID> visible, PageRequest page) {
        return JpaListing.of(Patient.class, "p").filter("p.idpSubject = :s", "s", idpSubject)
                .within("p.id", "visible", visible)
                .page(em, "p.createdAt, p.id", page);
    }
}
