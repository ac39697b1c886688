package care.mend.room;

import java.util.UUID;

/**
 * Carries the room's events to participants' connections. Implemented by signaling with one serialising,
 * non-blocking outbound queue per connection, so one slow client delays nobody else.
 *
 * <p>Contract: never blocks; never throws for an unknown or closed recipient (it drops the event). The room calls it
 * from its own outbound lane, in the order the room produced the events, never from inside a state change, so even
 * a notifier that breaks the contract delays only its own room's deliveries.
 */
@FunctionalInterface
public interface RoomNotifier {

    void deliver(UUID sessionId, ParticipantId recipient, RoomEvent event);
}
