package care.mend.attendance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Patients' stated locations per session: recorded at join, read for the attendance sheet and the signed record. */
@ApplicationScoped
@Transactional
public class LocationAttestations {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** For CDI. */
    protected LocationAttestations() {
    }

    /** For tests outside the container. */
    public LocationAttestations(EntityManager em) {
        this.em = em;
    }

    /** Records the patient's statement for the session, with the server's time. */
    public void record(UUID sessionId, UUID patientId, String location) {
        em.persist(new LocationAttestation(sessionId, patientId, location, Instant.now(clock)));
    }

    /** The latest statement of each patient for the session. */
    public Map<UUID, String> latestFor(UUID sessionId) {
        Map<UUID, String> latest = new HashMap<>();
        for (LocationAttestation a : em.createQuery("select a from LocationAttestation a where a.sessionId = :s"
                + " order by a.attestedAt, a.id", LocationAttestation.class).setParameter("s", sessionId)
                .getResultList()) {
            latest.put(a.patientId(), a.location());
        }
        return latest;
    }

    public Optional<String> latestFor(UUID sessionId, UUID patientId) {
        return Optional.ofNullable(latestFor(sessionId).get(patientId));
    }
}
