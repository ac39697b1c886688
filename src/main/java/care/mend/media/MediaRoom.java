package care.mend.media;

import java.util.concurrent.CompletionStage;

/**
 * One room's media pipeline, created by {@link MediaServer#createRoom}. Each participant publishes at most one stream
 * (a publisher endpoint) and receives each other participant's stream through a subscriber endpoint of its own.
 *
 * <p>Every method returns at once; the stage completes when the media server has done the work, or fails. Calls
 * may come from any thread. Release order is always subscribers, then publishers, then the pipeline: an endpoint
 * never outlives the stream it carries, and nothing outlives the pipeline. After {@link #release()} every call
 * fails.
 */
public interface MediaRoom {

    String roomId();

    /**
     * Creates (or replaces) the participant's publisher endpoint and answers its offer. ICE gathering starts once
     * the answer is ready; candidates arrive through the {@link MediaRoomListener}.
     */
    CompletionStage<SdpAnswer> publish(String participantId, SdpOffer offer, MediaModality modality);

    /** Creates (or replaces) the endpoint through which {@code subscriberId} receives {@code publisherId}'s stream. */
    CompletionStage<SdpAnswer> subscribe(String subscriberId, String publisherId, SdpOffer offer);

    /**
     * Creates (or replaces) the endpoint through which a low-bandwidth {@code subscriberId} receives every publisher
     * mixed into one grid, instead of one stream each.
     */
    CompletionStage<SdpAnswer> subscribeGrid(String subscriberId, SdpOffer offer);

    /**
     * Releases one subscriber endpoint; completes normally if there is none. With {@link MediaEndpointRef#GRID} as
     * {@code publisherId}, releases the participant's grid endpoint (the grid's mixer goes with its last viewer).
     */
    CompletionStage<Void> unsubscribe(String subscriberId, String publisherId);

    /** Adds a browser's candidate to an existing endpoint; fails if the endpoint does not exist (yet). */
    CompletionStage<Void> addIceCandidate(MediaEndpointRef endpoint, IceCandidate candidate);

    /**
     * Releases every endpoint that involves the participant: its subscriptions and other participants'
     * subscriptions to its stream first, then its publisher endpoint. Completes normally if there is none.
     */
    CompletionStage<Void> removeParticipant(String participantId);

    /** Releases whatever endpoints remain (subscribers, then publishers) and then the pipeline. Idempotent. */
    CompletionStage<Void> release();
}
