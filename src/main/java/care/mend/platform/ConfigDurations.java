package care.mend.platform;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.Config;

/**
 * Durations in Mend's configuration: whole seconds ({@code 120}) or ISO-8601 ({@code PT2M}), one reading for every key.
 * MicroProfile Config's own Duration converter is not guaranteed by the specification, and plain seconds are what an
 * operator writes in an environment variable.
 */
public final class ConfigDurations {

    private ConfigDurations() {
    }

    /**
     * The key's duration, or {@code fallback} when it is unset or blank.
     *
     * @throws IllegalArgumentException naming the key (never echoing the value) when it is neither form
     */
    public static Duration read(Config config, String key, Duration fallback) {
        String value = config.getOptionalValue(key, String.class).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value))
                    : Duration.parse(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(key + " is whole seconds or an ISO-8601 duration such as PT2M");
        }
    }
}
