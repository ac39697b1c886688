package care.mend.room.signaling;

import care.mend.media.MediaModality;
import care.mend.room.ParticipantName;
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
 * subjects (a participant is its random participant id, and is named by {@code name}). Who appears in which list,
 * and whether a patient's record name and id come with them, is the room's decision, made per recipient: the
 * waiting list is empty unless the recipient is a facilitator, a waiting patient sees only themselves, and only a
 * facilitator gets {@code recordName} and {@code patientId} (absent from the JSON otherwise).
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

    /**
     * One participant as the recipient sees them; see {@link ParticipantView}, less the subject.
     *
     * @param name       the chosen name of a patient, the display name of staff; absent when the room has none
     * @param recordName a patient's record name: facilitators only
     * @param patientId  a patient's record id, for a link to the record: facilitators only
     * @param outsideLicensure true when the patient stated a place outside every licensed state of the session's
     *                   facilitators (admitting them needs an {@code overrideReason}); facilitators only, and
     *                   absent otherwise
     */
    @JsonbPropertyOrder({"participantId", "name", "role", "recordName", "patientId", "status", "reconnecting",
            "muted", "handRaised", "audioOnly", "lowBandwidth", "publishing", "modality", "outsideLicensure"})
    public record Participant(String participantId, String name, RoomRole role, String recordName, UUID patientId,
            ParticipantStatus status, boolean reconnecting, boolean muted, boolean handRaised, boolean audioOnly,
            boolean lowBandwidth, boolean publishing, MediaModality modality, Boolean outsideLicensure) {

        static Participant of(ParticipantView view) {
            ParticipantName name = view.name();
            return new Participant(view.id().value(), name.name(), view.role(), name.recordName(), name.patientId(),
                    view.status(), view.reconnecting(), view.muted(), view.handRaised(), view.audioOnly(),
                    view.lowBandwidth(), view.publishing(), view.modality(), view.outsideLicensure() ? true : null);
        }

        /** Without the names and the record id: a message that reaches a log line must not carry them. */
        @Override
        public String toString() {
            return "Participant[participantId=" + participantId + ", role=" + role + ", status=" + status
                    + (patientId == null ? "" : ", with record") + "]";
        }
    }
}
