package care.mend.room;

import care.mend.media.IceCandidate;
import care.mend.media.MediaEndpointRef;

/**
 * What the room tells one participant. The room decides who receives what (visibility rules live here, not in
 * signaling); the {@link RoomNotifier} only carries it to that participant's connection.
 */
public sealed interface RoomEvent {

    /** The room as the recipient may see it changed. Sent after every change the recipient can see. */
    record RoomUpdated(RoomSnapshot snapshot) implements RoomEvent {
    }

    /**
     * A facilitator admitted the recipient from the waiting room (or the room admitted them automatically); the room
     * as the recipient now sees it comes along.
     */
    record Admitted(RoomSnapshot snapshot) implements RoomEvent {
    }

    /** The recipient is out of the room; signaling may close the connection after delivering this. */
    record Dismissed(LeaveReason reason) implements RoomEvent {
    }

    /** A facilitator asks the recipient to mute. Nothing changed; muting is the recipient's choice. */
    record MuteRequested(ParticipantId by) implements RoomEvent {
    }

    /** A facilitator muted the recipient. The client mutes its microphone; only the recipient can unmute. */
    record Muted(ParticipantId by) implements RoomEvent {
    }

    /** The media server gathered a candidate for one of the recipient's endpoints. */
    record IceCandidateFound(MediaEndpointRef endpoint, IceCandidate candidate) implements RoomEvent {
    }

    /** The media server was lost: audio and video stopped; the room, seats and attendance go on. */
    record MediaInterrupted() implements RoomEvent {
    }

    /** Media is available again: the client publishes and subscribes anew (new offers, new endpoints). */
    record MediaRestored() implements RoomEvent {
    }
}
