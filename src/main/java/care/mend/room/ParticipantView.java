package care.mend.room;

import care.mend.media.MediaModality;

/**
 * One participant as others see them, at one moment. Immutable.
 *
 * @param id           the participant
 * @param subject      the identity-provider subject; signaling never sends it
 * @param role         facilitator or patient
 * @param name         how the recipient may name them: with the patient record only when the recipient is a
 *                     facilitator
 * @param status       waiting or present
 * @param reconnecting the connection dropped and the seat is held for the grace period
 * @param muted        the participant's microphone is muted (by themselves or by a facilitator)
 * @param handRaised   the hand is up
 * @param audioOnly    the participant chose to send audio only
 * @param lowBandwidth the participant asked to receive less (clients then subscribe to audio or fewer videos)
 * @param publishing   the participant's stream is ready to be subscribed to
 * @param modality     what the participant sends, as last chosen or as the media server last reported
 * @param outsideLicensure the patient stated a place outside every licensed state of the session's facilitators:
 *                     shown to facilitators only (false for everyone else)
 */
public record ParticipantView(ParticipantId id, String subject, RoomRole role, ParticipantName name,
        ParticipantStatus status,
        boolean reconnecting, boolean muted, boolean handRaised, boolean audioOnly, boolean lowBandwidth,
        boolean publishing, MediaModality modality, boolean outsideLicensure) {

    public ParticipantView {
        name = name == null ? ParticipantName.NONE : name;
    }

    public ParticipantView(ParticipantId id, String subject, RoomRole role, ParticipantName name,
            ParticipantStatus status, boolean reconnecting, boolean muted, boolean handRaised, boolean audioOnly,
            boolean lowBandwidth, boolean publishing, MediaModality modality) {
        this(id, subject, role, name, status, reconnecting, muted, handRaised, audioOnly, lowBandwidth, publishing,
                modality, false);
    }
}
