package care.mend.media.kurento;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the Kurento adapter is configured with, validated: a bad value fails the deployment with a message naming
 * the key, never a join.
 *
 * @param uris           the KMS addresses ({@code ws://} or {@code wss://}), at least one, no duplicates
 * @param probeInterval  how often each KMS is checked with a real call
 * @param callTimeout    how long a probe waits for its answer
 * @param caps           video bitrate caps
 * @param inFlightBytes  how many bytes of requests may await their answers on one KMS connection
 */
public record KurentoSettings(List<URI> uris, Duration probeInterval, Duration callTimeout, BitrateCaps caps,
                              int inFlightBytes) {

    public static final String URIS_KEY = "mend.kurento.uris";
    public static final String DEFAULT_URIS = "ws://localhost:8888/kurento";
    /** The value of {@link #URIS_KEY} that configures no media server at all. */
    public static final String NONE = "none";

    /** With the default bound on requests in flight. */
    public KurentoSettings(List<URI> uris, Duration probeInterval, Duration callTimeout, BitrateCaps caps) {
        this(uris, probeInterval, callTimeout, caps, KmsCallGate.BUDGET_BYTES);
    }

    public KurentoSettings {
        uris = List.copyOf(uris);
        if (inFlightBytes < 16 * 1024 || inFlightBytes > 4096 * 1024) {
            throw new IllegalArgumentException("the bytes in flight per media server are 16 to 4096 KiB");
        }
        Objects.requireNonNull(probeInterval, "probeInterval");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(caps, "caps");
        if (uris.isEmpty()) {
            throw new IllegalArgumentException(URIS_KEY + " lists at least one media server");
        }
    }

    /** Parses a comma-separated list of KMS WebSocket addresses. */
    public static List<URI> parseUris(String value) {
        List<URI> uris = new ArrayList<>();
        for (String part : (value == null ? "" : value).split(",")) {
            String text = part.trim();
            if (text.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(URIS_KEY + " holds an entry that is not a URI");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("ws") || scheme.equals("wss")) || uri.getHost() == null || uri.getUserInfo() != null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException(URIS_KEY
                        + " lists ws:// or wss:// addresses with a host, such as " + DEFAULT_URIS);
            }
            if (uris.contains(uri)) {
                throw new IllegalArgumentException(URIS_KEY + " lists the same media server twice");
            }
            uris.add(uri);
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException(URIS_KEY + " lists at least one media server");
        }
        return uris;
    }
}
