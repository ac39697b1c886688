package care.mend.room;

import care.mend.media.MediaModality;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of a seated participant's presence, as the attendance ledger stores it. Waiting patients produce none:
 * the waiting room is not attendance.
 *
 * @param sessionId      the group session
 * @param participantId  the participant (one person may be several participants of a session after leaving and
 *                       joining again)
 * @param subject        the identity-provider subject of the person
 * @param role           facilitator or patient
 * @param kind           what happened
 * @param modality       what the participant sent from that moment on ({@link MediaModality#NONE} once gone)
 * @param at             the server's time
 * @param idempotencyKey {@code sessionId:participantId:KIND:sequence}, the sequence counting the participant's
 *                       events from 1; the same event delivered twice carries the same key
 */
public record PresenceEvent(UUID sessionId, ParticipantId participantId, String subject, RoomRole role,
        PresenceKind kind, MediaModality modality, Instant at, String idempotencyKey) {

    public PresenceEvent {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    static String key(UUID sessionId, ParticipantId participantId, PresenceKind kind, long sequence) {
        return sessionId + ":" + participantId + ":" + kind + ":" + sequence;
    }

    /** Leaves the subject out: log lines must not identify anyone. */
    @Override
    public String toString() {
        return "PresenceEvent[" + kind + ", " + modality + ", " + at + "]";
    }
}
