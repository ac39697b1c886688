package care.mend.program;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The whole changeable state of a site; {@code active: false} deactivates it. */
public record UpdateSiteRequest(
        @NotBlank @Size(max = Site.NAME_MAX) String name,
        @NotBlank @Size(max = Site.CITY_MAX) String city,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter upper-case state code") String state,
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull Boolean active) {
}
