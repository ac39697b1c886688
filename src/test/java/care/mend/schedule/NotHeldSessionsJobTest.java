package care.mend.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class NotHeldSessionsJobTest {

    /** A Config that answers getOptionalValue from a map; nothing else is called. */
    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        String value = values.get((String) args[0]);
                        return args[1] == Boolean.class ? Optional.ofNullable(value).map(Boolean::valueOf)
                                : Optional.ofNullable(value);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theGraceIsHalfAnHourUnlessConfigured() {
        assertThat(NotHeldSessionsJob.graceOf(config(Map.of()))).isEqualTo(Duration.ofMinutes(30));
        assertThat(NotHeldSessionsJob.graceOf(config(Map.of(NotHeldSessionsJob.GRACE_KEY, "PT45M"))))
                .isEqualTo(Duration.ofMinutes(45));
        assertThat(NotHeldSessionsJob.graceOf(config(Map.of(NotHeldSessionsJob.GRACE_KEY, "600"))))
                .as("whole seconds, like every duration setting").isEqualTo(Duration.ofMinutes(10));
        assertThat(NotHeldSessionsJob.graceOf(config(Map.of(NotHeldSessionsJob.GRACE_KEY, "0"))))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void aBadGraceFailsTheDeploymentNamingTheKey() {
        for (String bad : new String[] {"PT25H", "-PT1M", "half an hour"}) {
            assertThatThrownBy(() -> NotHeldSessionsJob.graceOf(config(Map.of(NotHeldSessionsJob.GRACE_KEY, bad))))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(NotHeldSessionsJob.GRACE_KEY).hasMessageNotContaining(bad);
        }
    }

    @Test
    void theJobRunsUnlessSwitchedOff() {
        assertThat(NotHeldSessionsJob.enabled(config(Map.of()))).isTrue();
        assertThat(NotHeldSessionsJob.enabled(config(Map.of(NotHeldSessionsJob.ENABLED_KEY, "false")))).isFalse();
    }
}
