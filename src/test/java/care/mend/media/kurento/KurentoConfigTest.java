package care.mend.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** The adapter's configuration: defaults, and a clear refusal (naming the key) of every bad value. */
class KurentoConfigTest {

    /** Just enough of MicroProfile Config for {@code getOptionalValue(key, String.class)}. */
    private static Config config(Map<String, String> values) {
        return new Config() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
                return (Optional<T>) Optional.ofNullable(values.get(name));
            }

            @Override
            public <T> T getValue(String name, Class<T> type) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ConfigValue getConfigValue(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Iterable<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Iterable<ConfigSource> getConfigSources() {
                return java.util.List.of();
            }

            @Override
            public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
                return Optional.empty();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void defaultsAreOneLocalKmsAndWeakLinkCaps() {
        KurentoSettings settings = KurentoConfig.settings(config(Map.of()));
        assertThat(settings.uris()).containsExactly(URI.create("ws://localhost:8888/kurento"));
        assertThat(settings.caps()).isEqualTo(BitrateCaps.WEAK_LINK);
        assertThat(settings.probeInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.inFlightBytes()).isEqualTo(KmsCallGate.BUDGET_BYTES);
    }

    @Test
    void noneConfiguresNoMediaServerAndAnythingElseIsKurento() {
        assertThat(KurentoConfig.configured(config(Map.of("mend.kurento.uris", "none")))).isFalse();
        assertThat(KurentoConfig.configured(config(Map.of("mend.kurento.uris", " NONE ")))).isFalse();
        assertThat(KurentoConfig.configured(config(Map.of()))).isTrue();
        assertThat(KurentoConfig.configured(config(Map.of("mend.kurento.uris", "ws://kms:8888/kurento")))).isTrue();
    }

    @Test
    void severalMediaServersAndOwnCapsAreRead() {
        KurentoSettings settings = KurentoConfig.settings(config(Map.of(
                "mend.kurento.uris", "ws://kms-a:8888/kurento, wss://kms-b.example.org/kurento",
                "mend.kurento.video.receive-kbps", "800", "mend.kurento.probe-interval", "PT2S",
                "mend.kurento.in-flight-kib", "256")));
        assertThat(settings.inFlightBytes()).isEqualTo(256 * 1024);
        assertThat(settings.uris()).hasSize(2);
        assertThat(settings.caps().subscriberOutKbps()).isEqualTo(800);
        assertThat(settings.probeInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void badValuesFailWithTheKey() {
        assertThatThrownBy(() -> KurentoConfig.settings(config(Map.of("mend.kurento.uris", "http://kms:8888"))))
                .hasMessageContaining("mend.kurento.uris");
        assertThatThrownBy(() -> KurentoConfig.settings(config(Map.of("mend.kurento.uris", " , "))))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> KurentoConfig.settings(config(Map.of("mend.kurento.uris",
                "ws://a:1/kurento,ws://a:1/kurento")))).hasMessageContaining("twice");
        assertThatThrownBy(() -> KurentoConfig.settings(config(Map.of("mend.kurento.uris",
                "ws://user:secret@kms:8888/kurento")))).hasMessageContaining("mend.kurento.uris")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> KurentoConfig.settings(config(Map.of("mend.kurento.video.grid-kbps", "5"))))
                .hasMessageContaining("gridOutKbps");
        assertThatThrownBy(() -> KurentoConfig.settings(config(Map.of("mend.kurento.video.grid-kbps", "fast"))))
                .hasMessageContaining("mend.kurento.video.grid-kbps");
        assertThatThrownBy(() -> KurentoConfig.settings(config(Map.of("mend.kurento.probe-interval", "0"))))
                .hasMessageContaining("mend.kurento.probe-interval");
        assertThatThrownBy(() -> KurentoConfig.settings(config(Map.of("mend.kurento.in-flight-kib", "8"))))
                .hasMessageContaining("mend.kurento.in-flight-kib");
        assertThatThrownBy(() -> KurentoConfig.settings(config(Map.of("mend.kurento.in-flight-kib", "lots"))))
                .hasMessageContaining("mend.kurento.in-flight-kib");
    }
}
