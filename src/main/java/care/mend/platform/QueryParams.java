package care.mend.platform;

import care.mend.platform.problem.MendException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * Parses optional query parameters and body strings into domain values. Resources take these as strings because a
 * JAX-RS conversion failure on a query parameter becomes a 404; here a bad value is a 400 naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw MendException.invalidField(name, "must be a UUID");
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw MendException.invalidField(name, "must be an ISO date (yyyy-MM-dd)");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw MendException.invalidField(name, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MendException.invalidField(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A time-zone region id such as {@code America/Chicago}; null when absent. */
    public static ZoneId zone(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw MendException.invalidField(name, "must be a time-zone id such as America/Chicago");
        }
    }
}
