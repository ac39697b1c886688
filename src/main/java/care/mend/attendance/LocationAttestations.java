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
import care.mend.program.Jurisdiction;

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
        record(sessionId, patientId, location, null);
    }

    /** The same, with the jurisdiction the patient picked beside the free text (null: none). */
    public void record(UUID sessionId, UUID patientId, String location, Jurisdiction jurisdiction) {
        em.persist(new LocationAttestation(sessionId, patientId, location, jurisdiction, Instant.now(clock)));
    }

    /** One patient's latest statement: the free text and the jurisdiction (null when they picked none). */
    public record Statement(String location, Jurisdiction jurisdiction) {

        @Override
        public String toString() {
            return "Statement[redacted]";
        }
    }

    /** The latest statement of each patient for the session, with its jurisdiction. */
    public Map<UUID, Statement> latestStatementsFor(UUID sessionId) {
        Map<UUID, Statement> latest = new HashMap<>();
        for (LocationAttestation a : em.createQuery("select a from LocationAttestation a where a.sessionId = :s"
                + " order by a.attestedAt, a.id", LocationAttestation.class).setParameter("s", sessionId)
                .getResultList()) {
            latest.put(a.patientId(), new Statement(a.location(), a.jurisdiction()));
        }
        return latest;
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
