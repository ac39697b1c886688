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
public class JpaStaffMemberRepository implements StaffMemberRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaStaffMemberRepository() {
        // for CDI
    }

    /** For tests outside the container. */
    public JpaStaffMemberRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<StaffMember> find(UUID id) {
        return Optional.ofNullable(em.find(StaffMember.class, id));
    }

    @Override
    public Optional<StaffMember> findByIdpSubject(String idpSubject) {
        return em.createQuery("select s from StaffMember s where s.idpSubject = :s", StaffMember.class)
                .setParameter("s", idpSubject).getResultStream().findFirst();
    }

    @Override
    public StaffMember store(StaffMember staffMember) {
        em.persist(staffMember);
        return staffMember;
    }

    @Override
    public Page<StaffMember> list(Boolean active, String idpSubject, PageRequest page) {
        return JpaListing.of(StaffMember.class, "s")
                .filter("s.active = :active", "active", active)
                .filter("s.idpSubject = :subject", "subject", idpSubject)
                .page(em, "s.displayName, s.id", page);
    }
}
