package care.mend.room.signaling;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The web origins whose pages may open the signaling socket: the defence against cross-site WebSocket hijacking,
 * where another site's page opens a socket with the victim's cookies. Browsers always send {@code Origin} on a
 * WebSocket handshake; other clients (tests, the load generator) must send an allowed one too, so a missing Origin
 * is refused.
 *
 * <p>Origins compare as {@code scheme://host:port} after normalisation: scheme and host in lower case, the default
 * port made explicit ({@code http} 80, {@code https} 443), a lone trailing {@code /} ignored. Anything else that is
 * not a plain origin (user info, a path, a query, {@code null}, a host such as {@code localhost:8080.evil.example})
 * matches nothing. Immutable and thread-safe.
 */
public final class AllowedOrigins {

    private static final int MAX_ORIGIN_LENGTH = 2048;

    private final Set<String> origins;

    private AllowedOrigins(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /**
     * Parses a comma-separated list such as {@code http://localhost:8080,https://mend.example.org}.
     *
     * @throws IllegalArgumentException if the list is empty or an entry is not a plain http(s) origin
     */
    public static AllowedOrigins parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            throw new IllegalArgumentException("mend.allowed-origins names no origin");
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : commaSeparated.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            origins.add(normalise(trimmed).orElseThrow(() -> new IllegalArgumentException(
                    "mend.allowed-origins: not an http(s) origin of the form scheme://host[:port]: " + trimmed)));
        }
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("mend.allowed-origins names no origin");
        }
        return new AllowedOrigins(origins);
    }

    /** Whether a handshake carrying this {@code Origin} header value may proceed; false for a missing header. */
    public boolean allows(String origin) {
        return normalise(origin).map(origins::contains).orElse(false);
    }

    /** The normalised origins, for the start-up log. */
    public Set<String> origins() {
        return origins;
    }

    /** {@code scheme://host:port} in lower case with the port explicit, or empty if this is not a plain origin. */
    static Optional<String> normalise(String origin) {
        if (origin == null || origin.isEmpty() || origin.length() > MAX_ORIGIN_LENGTH) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
        String path = uri.getRawPath();
        // getHost() is null when the authority is not host[:port] (a lookalike such as localhost:8080.evil.example).
        if (defaultPort < 0 || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(path == null || path.isEmpty() || path.equals("/"))) {
            return Optional.empty();
        }
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }

    @Override
    public String toString() {
        return String.join(",", origins);
    }
}
