package care.mend.media;

/**
 * What a {@link MediaRoom} reports back. Called from the media server's threads: implementations hand the event
 * off (to the room's command queue) and return at once.
 */
public interface MediaRoomListener {

    /** The media server gathered a candidate for an endpoint; the endpoint's owner's browser needs it. */
    void iceCandidateFound(MediaEndpointRef endpoint, IceCandidate candidate);

    /** What actually flows from a participant's publisher endpoint changed (media started, video stopped, ...). */
    void mediaFlowChanged(String participantId, MediaModality modality);

    /**
     * The media server holding the room's media was lost (crashed, restarted or unreachable): every endpoint is gone.
     * Signaling, seats and attendance go on; clients are told that audio and video are interrupted.
     */
    void mediaInterrupted();

    /**
     * A media server is reachable again after {@link #mediaInterrupted()}: clients publish and subscribe anew, which
     * rebuilds the room's media there.
     */
    void mediaRestored();
}
