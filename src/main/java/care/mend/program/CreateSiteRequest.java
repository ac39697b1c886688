package care.mend.program;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param timeZone a region id such as {@code America/Chicago} */
public record CreateSiteRequest(
        @NotBlank @Size(max = Site.NAME_MAX) String name,
        @NotBlank @Size(max = Site.CITY_MAX) String city,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter upper-case state code") String state,
        @NotBlank @Size(max = 64) String timeZone) {
}
