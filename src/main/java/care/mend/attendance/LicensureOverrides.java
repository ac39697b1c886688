package care.mend.attendance;

import care.mend.program.Jurisdiction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admissions outside licensure, per session: written when a facilitator admits anyway, read for the sheet. */
@ApplicationScoped
@Transactional
public class LicensureOverrides {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    /** For CDI. */
    protected LicensureOverrides() {
    }

    /** For tests outside the container. */
    public LicensureOverrides(EntityManager em) {
        this.em = em;
    }

    /** Records an override; the caller has decided and audits it in the same transaction. */
    public LicensureOverride record(UUID sessionId, UUID patientId, Jurisdiction stated, String reason,
                                    String authorSubject, UUID authorStaffId, Instant at) {
        LicensureOverride override = new LicensureOverride(sessionId, patientId, stated, reason, authorSubject,
                authorStaffId, at);
        em.persist(override);
        return override;
    }

    /** Every override of the session, by patient, oldest first. */
    public Map<UUID, List<LicensureOverride>> forSession(UUID sessionId) {
        Map<UUID, List<LicensureOverride>> byPatient = new HashMap<>();
        for (LicensureOverride o : em.createQuery("select o from LicensureOverride o where o.sessionId = :s"
                + " order by o.recordedAt, o.id", LicensureOverride.class).setParameter("s", sessionId)
                .getResultList()) {
            byPatient.computeIfAbsent(o.patientId(), p -> new ArrayList<>()).add(o);
        }
        return byPatient;
    }
}
