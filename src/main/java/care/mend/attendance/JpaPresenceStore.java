package care.mend.attendance;

import care.mend.room.PresenceEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class JpaPresenceStore implements PresenceStore {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int storeNew(List<PresenceEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Set<String> known = new HashSet<>(em.createQuery(
                "select p.idempotencyKey from PresenceRecord p where p.idempotencyKey in :keys", String.class)
                .setParameter("keys", events.stream().map(PresenceEvent::idempotencyKey).toList())
                .getResultList());
        Instant now = Instant.now(clock);
        int stored = 0;
        for (PresenceEvent event : events) {
            if (known.add(event.idempotencyKey())) {
                em.persist(new PresenceRecord(event, now));
                stored++;
            }
        }
        return stored;
    }
}
