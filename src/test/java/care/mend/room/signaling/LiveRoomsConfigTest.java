package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.room.RoomConfig;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class LiveRoomsConfigTest {

    /** A Config that answers getOptionalValue from a map; nothing else is called. */
    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void defaultsAreTwoMinutesOfGraceAndHalfAnHourOfLead() {
        RoomConfig config = LiveRooms.roomConfig(config(Map.of()));
        assertThat(config.gracePeriod()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.openLead()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.maxPatients()).isEqualTo(12);
    }

    @Test
    void secondsOrIsoDurations() {
        RoomConfig config = LiveRooms.roomConfig(config(Map.of(LiveRooms.GRACE_KEY, "90",
                LiveRooms.OPEN_LEAD_KEY, "PT15M")));
        assertThat(config.gracePeriod()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.openLead()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void valuesOutOfRangeOrMalformedFailTheDeployment() {
        for (Map<String, String> bad : java.util.List.of(Map.of(LiveRooms.GRACE_KEY, "1"),
                Map.of(LiveRooms.GRACE_KEY, "two minutes"), Map.of(LiveRooms.GRACE_KEY, "PT2H"),
                Map.of(LiveRooms.OPEN_LEAD_KEY, "-PT1M"), Map.of(LiveRooms.OPEN_LEAD_KEY, "PT25H"))) {
            assertThatThrownBy(() -> LiveRooms.roomConfig(config(bad))).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rateLimitsAreValidated() {
        assertThatThrownBy(() -> new SignalingLimits(0, 40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignalingLimits(20, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SignalingLimits.tooLarge("x".repeat(SignalingLimits.MAX_FRAME_BYTES))).isFalse();
        assertThat(SignalingLimits.tooLarge("x".repeat(SignalingLimits.MAX_FRAME_BYTES + 1))).isTrue();
        assertThat(SignalingLimits.tooLarge("é".repeat(SignalingLimits.MAX_FRAME_BYTES / 2))).isFalse();
        assertThat(SignalingLimits.tooLarge("é".repeat(SignalingLimits.MAX_FRAME_BYTES / 2 + 1))).isTrue();
        assertThat(SignalingLimits.tooLarge("€".repeat(SignalingLimits.MAX_FRAME_BYTES / 3 + 1))).isTrue();
    }
}
