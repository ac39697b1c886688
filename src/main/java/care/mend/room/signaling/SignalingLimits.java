package care.mend.room.signaling;

/**
 * What one connection may send: frames of at most {@link #MAX_FRAME_BYTES} (answered {@code FRAME_TOO_LARGE}
 * above it, up to {@link #CONTAINER_MAX_FRAME_BYTES}, where the container itself closes the socket with 1009), and
 * {@code perSecond} messages a second with bursts of {@code burst} (config {@code mend.signaling.max-messages-per-second},
 * default 20, and {@code mend.signaling.message-burst}, default 80).
 */
public record SignalingLimits(int perSecond, int burst) {

    /** The protocol's limit: large enough for an SDP offer with many candidates. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    /**
     * What the container buffers: larger than the protocol's limit so that a frame a little too large is answered
     * with an error instead of a close. Beyond this the container closes the socket with 1009 (message too big).
     */
    public static final int CONTAINER_MAX_FRAME_BYTES = 256 * 1024;

    public static final SignalingLimits DEFAULTS = new SignalingLimits(20, 80);

    /**
     * Messages of one connection accepted but not yet handled, at most: beyond it a message is answered
     * {@code RATE_LIMITED} at once. With frames of at most {@link #MAX_FRAME_BYTES}, what waits is at most 2 MiB.
     */
    public static final int MAX_PENDING_MESSAGES = 32;

    public SignalingLimits {
        if (perSecond < 1 || perSecond > 10_000 || burst < perSecond || burst > 100_000) {
            throw new IllegalArgumentException("mend.signaling.max-messages-per-second is 1 to 10000 and "
                    + "mend.signaling.message-burst at least that");
        }
    }

    /** Whether a text frame is over the protocol's limit, counted in UTF-8 bytes. */
    static boolean tooLarge(String text) {
        if (text.length() > MAX_FRAME_BYTES) {
            return true; // every char is at least one byte
        }
        if (text.length() * 3L <= MAX_FRAME_BYTES) {
            return false; // every char is at most three bytes (a surrogate pair is four bytes for two chars)
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes > MAX_FRAME_BYTES;
    }
}
