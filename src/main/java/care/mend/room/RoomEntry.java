package care.mend.room;

import java.util.UUID;

/**
 * The result of joining or resuming: who the caller is in the room, the secret to resume with, and the room as
 * they may see it. Signaling binds {@code participantId} to the connection when it receives this.
 *
 * @param sessionId     the room
 * @param participantId the caller's participant (the same one after a resume)
 * @param role          facilitator or patient
 * @param resumeToken   the single-use token for the next reconnect; the previous one is dead
 * @param snapshot      the room as the caller may see it
 */
public record RoomEntry(UUID sessionId, ParticipantId participantId, RoomRole role, ResumeToken resumeToken,
        RoomSnapshot snapshot) {
}
