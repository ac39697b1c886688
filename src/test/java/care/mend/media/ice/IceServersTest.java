package care.mend.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceServersTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_795_413_600L), ZoneOffset.UTC);

    private static IceServers turn(Duration ttl) {
        return new IceServers(List.of("stun:stun.example.org:3478"),
                List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"), SECRET, ttl,
                CLOCK);
    }

    @Test
    void theCredentialIsTheBase64HmacSha1OfTheUsernameAsCoturnComputesIt() {
        // Expected value computed independently (Python hmac) for this secret and username.
        assertThat(turn(Duration.ofHours(6)).credential("1795435200:3f0c8a52-5b1e-4c4e-9a57-2f4f4b7f1d10"))
                .isEqualTo("2ZpRdiQYh0oBCwqGRHMHJOpDAFo=");
    }

    @Test
    void eachBrowserGetsStunAndATurnCredentialExpiringAfterTheTtlWithAnOpaqueId() {
        List<IceServer> first = turn(Duration.ofHours(6)).issue();
        List<IceServer> second = turn(Duration.ofHours(6)).issue();

        assertThat(first).hasSize(2);
        assertThat(first.get(0).urls()).containsExactly("stun:stun.example.org:3478");
        assertThat(first.get(0).username()).isNull();
        IceServer t = first.get(1);
        assertThat(t.username()).matches("1795435200:[0-9a-f-]{36}");
        assertThat(t.credential()).isEqualTo(turn(Duration.ofHours(6)).credential(t.username()));
        assertThat(second.get(1).username()).isNotEqualTo(t.username());
        assertThat(t.toString()).doesNotContain(t.credential()).doesNotContain(t.username());
    }

    @Test
    void withoutServersTheListIsEmpty() {
        assertThat(new IceServers(List.of(), List.of(), null, Duration.ofHours(6), CLOCK).issue()).isEmpty();
    }

    @Test
    void badConfigurationIsRefusedWithTheKeyAndNeverTheSecret() {
        assertThatThrownBy(() -> new IceServers(List.of("http://stun.example.org"), List.of(), null,
                Duration.ofHours(1), CLOCK)).hasMessageContaining("mend.ice.stun-urls");
        assertThatThrownBy(() -> new IceServers(List.of(), List.of("turn:t.example.org"), "short", Duration.ofHours(1),
                CLOCK)).hasMessageContaining("mend.ice.turn-secret").hasMessageNotContaining("short");
        assertThatThrownBy(() -> turn(Duration.ofMinutes(1))).hasMessageContaining("mend.ice.turn-ttl");
        assertThatThrownBy(() -> new IceServers(List.of(), List.of("stun:x.example.org"), SECRET,
                Duration.ofHours(1), CLOCK)).hasMessageContaining("mend.ice.turn-urls");
    }
}
