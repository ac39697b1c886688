/**
 * The media port on Kurento Media Server 7.x: the only package that imports {@code org.kurento.*}.
 *
 * <p>{@link care.mend.media.kurento.KurentoMediaServer} holds one {@code KurentoClient} per configured KMS
 * ({@link care.mend.media.kurento.KmsNode}), watches each with a real call (a client can "connect" to a port that is
 * no KMS) and tells slow from dead, and places a new room's pipeline on the reachable KMS with the fewest media elements
 * in use. {@link care.mend.media.kurento.KurentoMediaRoom} is one room: a MediaPipeline; per participant
 * ({@link care.mend.media.kurento.KurentoParticipant}) a WebRtcEndpoint it publishes through, whose own flow events
 * give its modality, one WebRtcEndpoint per stream it receives, connected from the publisher (SFU), with video only
 * when its offer and its mode ask for it; and, only while some low-bandwidth viewer watches the grid, a Composite with
 * one HubPort per participant that publishes or watches, which its publisher feeds and its grid endpoint is fed by,
 * so that no viewer receives itself ({@link care.mend.media.kurento.GridMixer}). All three endpoints are made by one
 * negotiation ({@link care.mend.media.kurento.Negotiation}). Every call is asynchronous; a join waits for at
 * most three KMS round trips.
 *
 * <p>When a KMS is lost (dropped connection, probes unanswered, or a restart that lost the session and every object),
 * its rooms report {@code mediaInterrupted}; once a KMS is reachable they report {@code mediaRestored} and build
 * nothing: the next offers make a new pipeline there. Log lines start with {@code MEND-MEDIA} and carry no ids, SDP or
 * candidates.
 */
package care.mend.media.kurento;
