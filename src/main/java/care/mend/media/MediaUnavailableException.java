package care.mend.media;

/**
 * Why a media call failed when no media server is configured at all: trying again cannot help, so the room tells the
 * client {@code MEDIA_UNAVAILABLE}. Every other failure of a media call (a media server that failed, refused an
 * offer or cannot be reached right now) is one the client may retry.
 */
public final class MediaUnavailableException extends RuntimeException {

    public MediaUnavailableException() {
        super("No media server is configured", null, false, false);
    }
}
