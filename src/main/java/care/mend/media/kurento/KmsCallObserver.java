package care.mend.media.kurento;

/**
 * Told of every call Mend made to a Kurento Media Server once it is answered or failed: how long it took from going
 * out to its answer, and which KMS (its index in {@code mend.kurento.uris}: never a session, pipeline or endpoint id).
 * Called on the Kurento client's threads: must not block.
 */
@FunctionalInterface
public interface KmsCallObserver {

    KmsCallObserver NONE = (kms, nanos, failed) -> { };

    void called(int kms, long nanos, boolean failed);
}
