package care.mend.media;

import java.util.concurrent.CompletionStage;

/**
 * The media server as a long-lived, configured factory: it holds the expensive connection and hands out one
 * short-lived {@link MediaRoom} per live room. Implementations are thread-safe and never block the caller.
 */
public interface MediaServer {

    /**
     * Creates the media pipeline of one room. The caller creates at most one per room and releases it with
     * {@link MediaRoom#release()}; the stage fails if the media server cannot be reached.
     *
     * @param roomId   the room's id (the group session id), for the media server's own bookkeeping
     * @param listener receives the room's outgoing ICE candidates and media-flow changes, from any thread; it must
     *                 not block
     */
    CompletionStage<MediaRoom> createRoom(String roomId, MediaRoomListener listener);
}
