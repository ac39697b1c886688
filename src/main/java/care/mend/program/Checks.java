package care.mend.program;

import care.mend.platform.problem.MendException;
import java.util.regex.Pattern;

/**
 * The input checks the domain constructors and verbs share. A failed check is a {@link MendException} naming the
 * field (HTTP 400), never an {@link IllegalArgumentException}: a value that slips past the request's Bean Validation
 * must still reach the caller as a field error, not as an internal error. Messages never quote the value.
 */
public final class Checks {

    private static final Pattern US_STATE = Pattern.compile("[A-Z]{2}");

    private Checks() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw MendException.invalidField(field, "is required");
        }
        return value;
    }

    /** A required, non-blank text of at most {@code max} characters, returned stripped. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw MendException.invalidField(field, "must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw MendException.invalidField(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    /** An optional text: {@code null} when absent or blank, otherwise stripped and at most {@code max} long. */
    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw MendException.invalidField(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    public static String usState(String field, String value) {
        String code = text(field, value, 2);
        if (!US_STATE.matcher(code).matches()) {
            throw MendException.invalidField(field, "must be a two-letter upper-case state code");
        }
        return code;
    }
}
