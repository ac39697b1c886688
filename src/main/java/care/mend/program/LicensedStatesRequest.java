package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A staff member's licensed states, whole: USPS codes of US states, DC or territories ({@link Jurisdiction}); an
 * empty list clears them.
 */
public record LicensedStatesRequest(
        @NotNull @Size(max = 60) List<@NotNull @Pattern(regexp = "[A-Z]{2}",
                message = "must be a two-letter upper-case USPS code") @PlainText String> states) {
}
