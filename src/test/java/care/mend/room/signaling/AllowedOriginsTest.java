package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedOriginsTest {

    private final AllowedOrigins origins =
            AllowedOrigins.parse("http://localhost:8080, https://Mend.Example.org ,http://127.0.0.1:8080/");

    @ParameterizedTest
    @ValueSource(strings = {
            "http://localhost:8080",
            "HTTP://LOCALHOST:8080",
            "http://localhost:8080/",
            "http://127.0.0.1:8080",
            "https://mend.example.org",
            "https://mend.example.org:443",
            "https://MEND.example.ORG/"})
    void allowsTheConfiguredOriginsWhateverTheCaseAndDefaultPort(String origin) {
        assertThat(origins.allows(origin)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "null",
            " ",
            "https://evil.example",
            "http://localhost:8080.evil.example",
            "http://localhost:8080@evil.example",
            "http://evil.example#@localhost:8080",
            "http://user@localhost:8080",
            "http://localhost.:8080",
            "http://localhost:8081",
            "http://localhost",
            "https://localhost:8080",
            "http://mend.example.org",
            "https://mend.example.org:8443",
            "https://mend.example.org.evil.example",
            "https://evil-mend.example.org",
            "http://localhost:8080/app",
            "http://localhost:8080?x=1",
            "ws://localhost:8080",
            "file://localhost:8080",
            "localhost:8080",
            "//localhost:8080",
            "http://localhost:8080 http://evil.example",
            "http://[::1]:8080"})
    void refusesEverythingElse(String origin) {
        assertThat(origins.allows(origin)).isFalse();
    }

    @Test
    void normalisesToSchemeHostAndExplicitPort() {
        assertThat(AllowedOrigins.normalise("HTTPS://Mend.Example.org")).contains("https://mend.example.org:443");
        assertThat(AllowedOrigins.normalise("http://mend.example.org:80/")).contains("http://mend.example.org:80");
        assertThat(AllowedOrigins.normalise("http://[::1]:8080")).contains("http://[::1]:8080");
        assertThat(origins.origins()).containsExactlyInAnyOrder("http://localhost:8080",
                "https://mend.example.org:443", "http://127.0.0.1:8080");
    }

    @Test
    void aConfigurationWithAnythingButPlainOriginsIsRejected() {
        assertThatThrownBy(() -> AllowedOrigins.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowedOrigins.parse(" , ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowedOrigins.parse("*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowedOrigins.parse("http://localhost:8080,mend.example.org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mend.example.org");
        assertThatThrownBy(() -> AllowedOrigins.parse("https://mend.example.org/app"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultAllowsTheLocalServer() {
        AllowedOrigins defaults = AllowedOrigins.parse(SignalingProducer.DEFAULT_ORIGINS);

        assertThat(defaults.allows("http://localhost:8080")).isTrue();
        assertThat(defaults.allows("http://127.0.0.1:8080")).isTrue();
        assertThat(defaults.allows("http://localhost:8180")).isFalse();
    }
}
