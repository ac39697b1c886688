package care.mend.media.kurento.standin;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The recordings of a real KMS in the test resources ({@code kurento-protocol/}): transcripts and SDP. */
public final class KurentoRecordings {

    private KurentoRecordings() {
    }

    /** A folder of the recordings: {@code sdp} or {@code transcripts}. */
    public static Path dir(String name) {
        URL url = KurentoRecordings.class.getResource("/kurento-protocol/" + name);
        if (url == null) {
            throw new IllegalStateException("kurento-protocol/" + name + " is missing from the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
