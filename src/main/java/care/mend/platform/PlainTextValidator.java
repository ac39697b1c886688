package care.mend.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}; the rule itself is {@link #problemOf(CharSequence, boolean)}, testable on its own. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    static final String DEFAULT_MESSAGE = "must be plain text";

    private boolean multiline;
    private boolean defaultMessage;

    @Override
    public void initialize(PlainText annotation) {
        multiline = annotation.multiline();
        defaultMessage = DEFAULT_MESSAGE.equals(annotation.message());
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        String problem = value == null ? null : problemOf(value, multiline);
        if (problem == null) {
            return true;
        }
        if (defaultMessage) {
            context.disableDefaultConstraintViolation();
            // A literal, not an expression: nothing of the value goes into the message.
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        }
        return false;
    }

    /**
     * What is wrong with {@code text} as plain text, or {@code null} if nothing is. The message names the kind of
     * character, never the character or its position.
     */
    public static String problemOf(CharSequence text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode text (no unpaired surrogates)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text (no unpaired surrogates)";
            }
            if (c == '\n' && multiline) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return multiline ? "must be plain text: no control characters other than line feeds"
                        : "must be plain text on one line: no control characters";
            }
        }
        return null;
    }
}
