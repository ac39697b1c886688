/**
 * The media port on Kurento Media Server 7.x: the only package that imports {@code org.kurento.*}.
 *
 * <p>{@link care.mend.media.kurento.KurentoMediaServer} holds one {@code KurentoClient} per configured KMS, watches
 * each with a real call (a client can "connect" to a port that is no KMS), and places a new room's pipeline on the
 * reachable KMS with the fewest media elements in use. {@link care.mend.media.kurento.KurentoMediaRoom} is one room:
 * a MediaPipeline with a Composite; one WebRtcEndpoint per publisher, which always feeds its own HubPort (so that KMS
 * reports its outgoing flow, from which the participant's modality is read); one WebRtcEndpoint per subscription,
 * connected from the publisher (SFU); and, for a low-bandwidth viewer, one endpoint fed by an outgoing HubPort with the
 * mixed grid. Every call is asynchronous; a join waits for at most three KMS round trips.
 *
 * <p>When a KMS is lost (dropped connection, failed probe, or a restart that lost the session and every object), its
 * rooms report {@code mediaInterrupted}; once a KMS is reachable they report {@code mediaRestored}, and the next offers
 * build a new pipeline there. Log lines start with {@code MEND-MEDIA} and carry no ids, SDP or candidates.
 */
package care.mend.media.kurento;
