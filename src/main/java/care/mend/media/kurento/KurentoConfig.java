package care.mend.media.kurento;

import care.mend.platform.ConfigDurations;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link KurentoSettings} from MicroProfile Config. Every value is checked here, at deployment, and a bad one
 * fails it with a message naming the key (and never echoing a secret).
 */
final class KurentoConfig {

    static final String PROBE_INTERVAL_KEY = "mend.kurento.probe-interval";
    static final String CALL_TIMEOUT_KEY = "mend.kurento.call-timeout";
    static final String PUBLISH_KBPS_KEY = "mend.kurento.video.publish-kbps";
    static final String RECEIVE_KBPS_KEY = "mend.kurento.video.receive-kbps";
    static final String GRID_KBPS_KEY = "mend.kurento.video.grid-kbps";
    static final String ENCODER_KBPS_KEY = "mend.kurento.video.encoder-kbps";
    static final String IN_FLIGHT_KEY = "mend.kurento.in-flight-kib";

    private KurentoConfig() {
    }

    /**
     * Whether a media server is configured at all: {@code mend.kurento.uris=none} runs Mend without media (rooms,
     * seats and attendance work; every publish is refused {@code MEDIA_UNAVAILABLE}, which clients do not retry).
     */
    static boolean configured(Config config) {
        return !config.getOptionalValue(KurentoSettings.URIS_KEY, String.class).map(String::trim)
                .filter(KurentoSettings.NONE::equalsIgnoreCase).isPresent();
    }

    static KurentoSettings settings(Config config) {
        String uris = config.getOptionalValue(KurentoSettings.URIS_KEY, String.class)
                .orElse(KurentoSettings.DEFAULT_URIS);
        Duration probe = ConfigDurations.read(config, PROBE_INTERVAL_KEY, Duration.ofSeconds(5));
        Duration timeout = ConfigDurations.read(config, CALL_TIMEOUT_KEY, Duration.ofSeconds(3));
        if (probe.compareTo(Duration.ofSeconds(1)) < 0 || probe.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(PROBE_INTERVAL_KEY + " is 1 second to 5 minutes");
        }
        if (timeout.compareTo(Duration.ofMillis(500)) < 0 || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException(CALL_TIMEOUT_KEY + " is 0.5 to 30 seconds");
        }
        BitrateCaps defaults = BitrateCaps.WEAK_LINK;
        BitrateCaps caps;
        try {
            caps = new BitrateCaps(kbps(config, PUBLISH_KBPS_KEY, defaults.publisherInKbps()),
                    kbps(config, RECEIVE_KBPS_KEY, defaults.subscriberOutKbps()),
                    kbps(config, GRID_KBPS_KEY, defaults.gridOutKbps()),
                    kbps(config, ENCODER_KBPS_KEY, defaults.encoderKbps()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mend.kurento.video.*: " + e.getMessage());
        }
        int inFlightKib = whole(config, IN_FLIGHT_KEY, KmsCallGate.BUDGET_BYTES / 1024, "KiB");
        if (inFlightKib < 16 || inFlightKib > 4096) {
            throw new IllegalArgumentException(IN_FLIGHT_KEY + " is 16 to 4096 KiB");
        }
        return new KurentoSettings(KurentoSettings.parseUris(uris), probe, timeout, caps, inFlightKib * 1024);
    }

    private static int kbps(Config config, String key, int fallback) {
        return whole(config, key, fallback, "kbps");
    }

    private static int whole(Config config, String key, int fallback, String unit) {
        String value = config.getOptionalValue(key, String.class).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is a whole number of " + unit);
        }
    }
}
