package care.mend.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes the access audit log; {@link AccessPolicy} decides what goes in it. A refusal and a read are written in a
 * transaction of their own, so that a refusal is recorded even though the request that asked fails and rolls back.
 * A change (a sign-off, an amendment) is written in the transaction of the change, so that both commit or neither.
 */
@ApplicationScoped
public class AccessAuditLog {

    @PersistenceContext(unitName = "mend")
    EntityManager entityManager;

    private Clock clock;

    /** For the CDI proxy. */
    protected AccessAuditLog() {
    }

    @Inject
    public AccessAuditLog(Clock clock) {
        this.clock = clock;
    }

    /** For tests outside the container: every entry goes into the caller's transaction on {@code em}. */
    public AccessAuditLog(EntityManager em, Clock clock) {
        this(clock);
        this.entityManager = em;
    }

    /** The time entries are stamped with. */
    public Instant now() {
        return Instant.now(clock);
    }

    /** A refusal or a read: committed on its own, whatever happens to the request. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AccessAuditEntry entry) {
        entityManager.persist(entry);
    }

    /** A change: committed with the change, in the caller's transaction (there must be one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordWithChange(AccessAuditEntry entry) {
        entityManager.persist(entry);
    }
}
