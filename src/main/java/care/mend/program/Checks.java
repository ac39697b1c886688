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
    /**
     * A simple address check, not RFC 5322: a local part and a domain of at least two labels, no spaces, no second
     * {@code @}, no control characters. The request's {@code @Email} and the identity provider check further; this
     * catches what would never be deliverable.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");

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

    /** An optional e-mail address: {@code null} when absent or blank, otherwise stripped, checked and at most max. */
    public static String email(String field, String value, int max) {
        String address = optionalText(field, value, max);
        if (address != null && !EMAIL.matcher(address).matches()) {
            throw MendException.invalidField(field, "must be an e-mail address");
        }
        return address;
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
