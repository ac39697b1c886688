package care.mend.media.ice;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ICE servers handed to each browser when its signaling socket opens. STUN entries are passed as configured;
 * TURN entries get fresh credentials valid for {@code ttl} (see the package comment). Thread-safe and immutable.
 */
public final class IceServers {

    private static final Set<String> STUN_SCHEMES = Set.of("stun", "stuns");
    private static final Set<String> TURN_SCHEMES = Set.of("turn", "turns");
    private static final int MIN_SECRET_LENGTH = 16;

    private final List<String> stunUrls;
    private final List<String> turnUrls;
    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param stunUrls STUN URLs, may be empty
     * @param turnUrls TURN URLs, may be empty; if not, {@code secret} is required
     * @param secret   coturn's {@code static-auth-secret}, at least 16 characters; null without TURN
     * @param ttl      how long a TURN credential stays valid, 10 minutes to 24 hours
     */
    public IceServers(List<String> stunUrls, List<String> turnUrls, String secret, Duration ttl, Clock clock) {
        this.stunUrls = checked(stunUrls, STUN_SCHEMES, "mend.ice.stun-urls");
        this.turnUrls = checked(turnUrls, TURN_SCHEMES, "mend.ice.turn-urls");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!this.turnUrls.isEmpty() && (secret == null || secret.length() < MIN_SECRET_LENGTH)) {
            throw new IllegalArgumentException("mend.ice.turn-secret is required with TURN URLs, at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        if (ttl.compareTo(Duration.ofMinutes(10)) < 0 || ttl.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("mend.ice.turn-ttl is 10 minutes to 24 hours");
        }
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a comma-separated list of URLs; blank gives none. */
    public static List<String> urls(String value) {
        List<String> urls = new ArrayList<>();
        for (String part : (value == null ? "" : value).split(",")) {
            if (!part.isBlank()) {
                urls.add(part.trim());
            }
        }
        return urls;
    }

    private static List<String> checked(List<String> urls, Set<String> schemes, String key) {
        for (String url : urls) {
            try {
                URI uri = new URI(url);
                if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase())
                        || uri.getSchemeSpecificPart() == null || uri.getSchemeSpecificPart().isBlank()) {
                    throw new IllegalArgumentException(key + " lists " + String.join(" or ", schemes.stream()
                            .sorted().map(s -> s + ":").toList()) + " URLs");
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(key + " holds an entry that is not a URL");
            }
        }
        return List.copyOf(urls);
    }

    /** What one browser gets: the STUN servers, and the TURN servers with a credential of its own. */
    public List<IceServer> issue() {
        List<IceServer> servers = new ArrayList<>();
        if (!stunUrls.isEmpty()) {
            servers.add(IceServer.stun(stunUrls));
        }
        if (!turnUrls.isEmpty()) {
            long expiry = clock.instant().plus(ttl).getEpochSecond();
            String username = expiry + ":" + UUID.randomUUID();
            servers.add(IceServer.turn(turnUrls, username, credential(username)));
        }
        return servers;
    }

    /** The TURN REST API password for {@code username}: base64(HMAC-SHA1(secret, username)). */
    String credential(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "IceServers[" + stunUrls.size() + " STUN, " + turnUrls.size() + " TURN URLs]";
    }
}
