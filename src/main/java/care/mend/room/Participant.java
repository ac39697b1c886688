package care.mend.room;

import care.mend.media.MediaModality;

/**
 * One participant's state inside its {@link Room}. Mutable, package-private, touched only inside the room's
 * serialised steps; the outside sees {@link ParticipantView}s.
 */
final class Participant {

    final ParticipantId id;
    final String subject;
    final RoomRole role;
    /** Place in the waiting queue: lower is earlier. Kept across a resume. */
    final long queueTicket;

    /** From the latest plan that named the subject: a later join may bring a changed chosen name. */
    ParticipantName name = ParticipantName.NONE;
    ParticipantStatus status;
    /** From the latest plan: the patient said they are outside every licensed state of the facilitators. */
    boolean outsideLicensure;
    boolean connected = true;
    boolean muted;
    boolean handRaised;
    boolean audioOnly;
    boolean lowBandwidth;
    MediaModality modality = MediaModality.NONE;
    /** The publisher endpoint exists and others may subscribe. */
    boolean publishing;

    ResumeToken resumeToken;
    RoomScheduler.Cancellable graceTimer;
    /** Counts connection losses, so a grace timer of an earlier loss cannot evict after a resume. */
    long connectionEpoch;

    long presenceSequence;
    /** When the participant's last presence event happened (server time). */
    java.time.Instant lastPresenceAt;
    /** The last snapshot sent, so an unchanged room sends nothing. */
    RoomSnapshot lastSnapshot;

    Participant(ParticipantId id, String subject, RoomRole role, ParticipantStatus status, long queueTicket) {
        this.id = id;
        this.subject = subject;
        this.role = role;
        this.status = status;
        this.queueTicket = queueTicket;
    }

    boolean isFacilitator() {
        return role == RoomRole.FACILITATOR;
    }

    boolean isPresent() {
        return status == ParticipantStatus.PRESENT;
    }

    boolean isWaiting() {
        return status == ParticipantStatus.WAITING;
    }

    /**
     * The participant as {@code viewer} may see them: a facilitator sees a patient's record name and id, and whether
     * they are outside licensure; nobody else does (a patient not even their own: the page knows it from {@code /api/me}).
     */
    ParticipantView viewFor(Participant viewer) {
        return new ParticipantView(id, subject, role, viewer.isFacilitator() ? name : name.forGroup(), status,
                !connected, muted, handRaised, audioOnly, lowBandwidth, publishing, modality,
                viewer.isFacilitator() && outsideLicensure);
    }
}
