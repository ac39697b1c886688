package care.mend.room.signaling;

import care.mend.media.MediaServer;
import care.mend.media.unavailable.UnavailableMediaServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;

/**
 * The media server the live rooms use. Until the Kurento adapter lands it is {@link UnavailableMediaServer}: rooms,
 * the waiting room, controls and attendance work, and every publish, subscribe and ICE candidate is refused with
 * {@code MEDIA_UNAVAILABLE}. No SDP answer is ever faked. The Kurento issue replaces this producer.
 */
@ApplicationScoped
public class MediaServerProducer {

    private static final Logger LOG = Logger.getLogger(MediaServerProducer.class.getName());

    @Produces
    @Singleton
    MediaServer mediaServer() {
        LOG.info("MEND-SIGNALING no media server is configured: audio and video are refused with MEDIA_UNAVAILABLE");
        return new UnavailableMediaServer();
    }
}
