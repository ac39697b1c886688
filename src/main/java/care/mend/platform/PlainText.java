package care.mend.platform;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text a person typed: no control characters (U+0000-U+001F, U+007F-U+009F), no line or paragraph separators
 * (U+2028, U+2029) and no unpaired surrogate, which JSON can carry as {@code \u0000} or {@code \ud800} but which
 * have no place in a name or a reason: they end strings early in C libraries, split log lines and CSV rows, and
 * break the UTF-8 of every export. A {@link #multiline} text also keeps line feeds ({@code \n}) and nothing else.
 * {@code null} is valid (say {@code @NotNull} where a value is required). Every {@code String} of a request record
 * carries it; {@code RequestRecordsTest} checks that none is missed.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    /** Replaced by a message that says what is wrong (never what was sent) unless a caller sets its own. */
    String message() default PlainTextValidator.DEFAULT_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether line feeds are allowed: only where the field is documented as multi-line. */
    boolean multiline() default false;
}
