package care.mend.media.kurento;

import org.kurento.client.KurentoClient;
import org.kurento.client.MediaPipeline;

/**
 * A room's MediaPipeline, on the KMS it was placed on, made by that KMS's client.
 *
 * @param generation the room's generation it belongs to: a KMS loss starts the next one
 */
record RoomPipeline(KmsNode node, KurentoClient client, MediaPipeline pipeline, long generation) {

    /** The KMS's call gate now: a new connection has a new one. */
    KmsCallGate gate() {
        return node.gate();
    }
}
