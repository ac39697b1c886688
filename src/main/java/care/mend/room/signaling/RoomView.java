package care.mend.room.signaling;

import care.mend.media.MediaModality;
import care.mend.room.ParticipantStatus;
import care.mend.room.ParticipantView;
import care.mend.room.RoomRole;
import care.mend.room.RoomSnapshot;
import care.mend.room.RoomStatus;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.UUID;

/**
 * The room as the recipient may see it, on the wire: the room's own {@link RoomSnapshot} without identity-provider
 * subjects (a participant is its random participant id; display names come later). Who appears in which list is
 * the room's decision: the waiting list is empty unless the recipient is a facilitator, and a waiting patient sees
 * only themselves.
 */
@JsonbPropertyOrder({"sessionId", "status", "facilitatorPresent", "you", "participants", "waiting"})
public record RoomView(UUID sessionId, RoomStatus status, boolean facilitatorPresent, Participant you,
        List<Participant> participants, List<Participant> waiting) {

    public RoomView {
        participants = participants == null ? List.of() : List.copyOf(participants);
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
    }

    static RoomView of(RoomSnapshot snapshot) {
        return new RoomView(snapshot.sessionId(), snapshot.status(), snapshot.facilitatorPresent(),
                Participant.of(snapshot.you()), snapshot.participants().stream().map(Participant::of).toList(),
                snapshot.waiting().stream().map(Participant::of).toList());
    }

    /** One participant as the recipient sees them; see {@link ParticipantView}, less the subject. */
    @JsonbPropertyOrder({"participantId", "role", "status", "reconnecting", "muted", "handRaised", "audioOnly",
            "lowBandwidth", "publishing", "modality"})
    public record Participant(String participantId, RoomRole role, ParticipantStatus status, boolean reconnecting,
            boolean muted, boolean handRaised, boolean audioOnly, boolean lowBandwidth, boolean publishing,
            MediaModality modality) {

        static Participant of(ParticipantView view) {
            return new Participant(view.id().value(), view.role(), view.status(), view.reconnecting(), view.muted(),
                    view.handRaised(), view.audioOnly(), view.lowBandwidth(), view.publishing(), view.modality());
        }
    }
}
