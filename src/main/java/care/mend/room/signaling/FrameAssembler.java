package care.mend.room.signaling;

/**
 * Puts one connection's text messages together from the parts the container hands over as they arrive, and stops at
 * {@link SignalingLimits#CONTAINER_MAX_FRAME_BYTES}. The container's own limit cannot be relied on: Undertow 2.3
 * (WildFly 39) checks {@code maxMessageSize} only on what it reads in one go, so a message that arrives over many
 * reads was buffered whole, however large (a 32 MiB one was read for 4 s before it was refused). Taking the message
 * in parts, Mend holds at most the limit and answers the part that passes it with a close 1009 at once.
 *
 * <p>One per connection, used by the container's thread for that connection only (messages of one connection are
 * delivered in order, one at a time).
 */
final class FrameAssembler {

    /** What a part completed. */
    sealed interface Result {
        /** More parts are to come. */
        record Incomplete() implements Result {
        }

        /** The message, whole and within the limit. */
        record Message(String text) implements Result {
        }

        /** The message passed the limit with this part: close the connection (reported once per message). */
        record TooBig() implements Result {
        }
    }

    private static final Result INCOMPLETE = new Result.Incomplete();
    private static final Result TOO_BIG = new Result.TooBig();

    private final int maxBytes;
    private final StringBuilder parts = new StringBuilder();
    private long bytes;
    private boolean overflowed;

    FrameAssembler(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /** Adds the next part of the current message; {@code last} ends it. */
    Result add(String part, boolean last) {
        Result result;
        if (overflowed) {
            result = INCOMPLETE; // already answered; the rest of this message is dropped as it comes
        } else {
            bytes += utf8Length(part);
            if (bytes > maxBytes) {
                overflowed = true;
                parts.setLength(0);
                parts.trimToSize();
                result = TOO_BIG;
            } else if (last && parts.isEmpty()) {
                result = new Result.Message(part); // the usual case: a message in one part, not copied
            } else {
                parts.append(part);
                result = last ? new Result.Message(parts.toString()) : INCOMPLETE;
            }
        }
        if (last) {
            parts.setLength(0);
            bytes = 0;
            overflowed = false;
        }
        return result;
    }

    /** Counts as the wire did: UTF-8 bytes (a surrogate pair is four bytes for two chars). */
    static long utf8Length(CharSequence text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
