package care.mend.room;

/**
 * Where presence events go (the attendance ledger). Contract: non-blocking (hand the event to a queue and return),
 * at-least-once downstream, deduplicated by {@link PresenceEvent#idempotencyKey()}. Called from the room's outbound
 * lane in the order the events happened.
 */
@FunctionalInterface
public interface PresenceEventPublisher {

    void publish(PresenceEvent event);
}
