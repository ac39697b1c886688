package care.mend.room;

import java.util.List;
import java.util.UUID;

/**
 * The room as one participant may see it. Tailored per audience:
 * <ul>
 * <li>a facilitator sees everyone present or reconnecting, and the waiting list in queue order;</li>
 * <li>an admitted patient sees everyone present or reconnecting, never the waiting list (who else is coming to a
 * therapy group is not theirs to know before the facilitator admits them);</li>
 * <li>a waiting patient sees only themselves, the room's status and whether a facilitator is there.</li>
 * </ul>
 *
 * @param sessionId          the group session
 * @param status             open, locked or ended
 * @param facilitatorPresent a facilitator is in the room with a live connection
 * @param you                the recipient
 * @param participants       present and reconnecting participants, in order of arrival
 * @param waiting            the waiting list, first in line first; empty unless the recipient is a facilitator
 */
public record RoomSnapshot(UUID sessionId, RoomStatus status, boolean facilitatorPresent, ParticipantView you,
        List<ParticipantView> participants, List<ParticipantView> waiting) {

    public RoomSnapshot {
        participants = List.copyOf(participants);
        waiting = List.copyOf(waiting);
    }
}
