package care.mend.media.ice;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a browser's {@code RTCConfiguration.iceServers}. {@link #toString()} leaves the credential out.
 *
 * @param urls       {@code stun:}, {@code stuns:}, {@code turn:} or {@code turns:} URLs, at least one
 * @param username   the TURN username, null for STUN
 * @param credential the TURN password, null for STUN
 */
public record IceServer(List<String> urls, String username, String credential) {

    public IceServer {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an ICE server has at least one URL");
        }
        if ((username == null) != (credential == null)) {
            throw new IllegalArgumentException("a username goes with a credential");
        }
    }

    @Override
    public String toString() {
        return "IceServer[" + urls + (username == null ? "" : ", with credentials") + "]";
    }

    boolean isTurn() {
        return username != null;
    }

    static IceServer stun(List<String> urls) {
        return new IceServer(urls, null, null);
    }

    static IceServer turn(List<String> urls, String username, String credential) {
        return new IceServer(urls, Objects.requireNonNull(username), Objects.requireNonNull(credential));
    }
}
