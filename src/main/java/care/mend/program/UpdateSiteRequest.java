package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The whole changeable state of a site; {@code active: false} deactivates it. */
public record UpdateSiteRequest(
        @NotBlank @Size(max = Site.NAME_MAX) @PlainText String name,
        @NotBlank @Size(max = Site.CITY_MAX) @PlainText String city,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter upper-case state code")
        @PlainText String state,
        @NotBlank @Size(max = 64) @PlainText String timeZone,
        @NotNull Boolean active) {
}
