package care.mend.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes the access audit log. Each entry is written in a transaction of its own, so that a denied read is
 * recorded even though the request that asked for it fails and rolls back.
 */
@ApplicationScoped
public class AccessAuditLog {

    @PersistenceContext(unitName = "mend")
    EntityManager entityManager;

    private final Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(CurrentUser actor, AuditedAccess access, AccessOutcome outcome) {
        entityManager.persist(new AccessAuditEntry(Instant.now(clock), actor, access, outcome));
    }
}
