package care.mend.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ReminderSettingsTest {

    /** A Config that answers getOptionalValue from a map; nothing else is called. */
    static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void offWithoutAnSmtpServerAndTwoHoursAheadByDefault() {
        ReminderSettings settings = ReminderSettings.of(config(Map.of()));
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.lead()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.every()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.patientPage()).isEqualTo(URI.create("http://localhost:8080/app/patient.html"));
        assertThat(ReminderSettings.of(config(Map.of(ReminderSettings.SMTP_HOST_KEY, "  "))).enabled()).isFalse();
    }

    @Test
    void onWithAnSmtpServerAndTheConfiguredLeadAndPage() {
        ReminderSettings settings = ReminderSettings.of(config(Map.of(ReminderSettings.SMTP_HOST_KEY, "smtp.internal",
                ReminderSettings.LEAD_KEY, "PT24H", ReminderSettings.PUBLIC_URL_KEY, "https://mend.example.org/")));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.lead()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.patientPage()).isEqualTo(URI.create("https://mend.example.org/app/patient.html"));
        assertThat(ReminderSettings.of(config(Map.of(ReminderSettings.LEAD_KEY, "1800"))).lead())
                .as("whole seconds, like every duration setting").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aBadValueFailsTheDeploymentNamingTheKeyNotTheValue() {
        Map<String, String[]> bad = Map.of(
                ReminderSettings.LEAD_KEY, new String[] {"PT5M", "PT49H", "-PT1H", "two hours"},
                ReminderSettings.EVERY_KEY, new String[] {"PT0S", "PT11M", "soon"},
                ReminderSettings.PUBLIC_URL_KEY, new String[] {"mend.example.org", "ftp://mend.example.org",
                        "https://mend.example.org/?x=1", "http://"});
        bad.forEach((key, values) -> {
            for (String value : values) {
                assertThatThrownBy(() -> ReminderSettings.of(config(Map.of(key, value)))).as(key + "=" + value)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key)
                        .hasMessageNotContaining(value);
            }
        });
    }
}
