package care.mend.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records everything rooms send outward: events for participants, presence events, session lifecycle. */
final class Recorder implements RoomNotifier, PresenceEventPublisher, SessionLifecycleListener {

    record Delivery(UUID sessionId, ParticipantId recipient, RoomEvent event) {
    }

    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<PresenceEvent> presence = new ArrayList<>();
    private final List<String> lifecycle = new ArrayList<>();

    @Override
    public synchronized void deliver(UUID sessionId, ParticipantId recipient, RoomEvent event) {
        deliveries.add(new Delivery(sessionId, recipient, event));
    }

    @Override
    public synchronized void publish(PresenceEvent event) {
        presence.add(event);
    }

    @Override
    public synchronized void sessionLive(UUID sessionId, Instant at) {
        lifecycle.add("live " + sessionId);
    }

    @Override
    public synchronized void sessionEnded(UUID sessionId, Instant at) {
        lifecycle.add("ended " + sessionId);
    }

    RoomOutlets outlets() {
        return new RoomOutlets(this, this, this);
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized List<RoomEvent> eventsFor(ParticipantId recipient) {
        return deliveries.stream().filter(d -> d.recipient().equals(recipient)).map(Delivery::event).toList();
    }

    /** The last snapshot the participant was sent. */
    synchronized RoomSnapshot lastSnapshot(ParticipantId recipient) {
        RoomSnapshot last = null;
        for (Delivery d : deliveries) {
            if (d.recipient().equals(recipient) && d.event() instanceof RoomEvent.RoomUpdated updated) {
                last = updated.snapshot();
            }
        }
        return last;
    }

    synchronized List<PresenceEvent> presence() {
        return List.copyOf(presence);
    }

    synchronized List<PresenceEvent> presenceOf(ParticipantId participant) {
        return presence.stream().filter(e -> e.participantId().equals(participant)).toList();
    }

    synchronized List<String> lifecycle() {
        return List.copyOf(lifecycle);
    }

    synchronized void clear() {
        deliveries.clear();
        presence.clear();
        lifecycle.clear();
    }
}
