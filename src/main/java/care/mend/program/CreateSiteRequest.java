package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param timeZone a region id such as {@code America/Chicago} */
public record CreateSiteRequest(
        @NotBlank @Size(max = Site.NAME_MAX) @PlainText String name,
        @NotBlank @Size(max = Site.CITY_MAX) @PlainText String city,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter upper-case state code")
        @PlainText String state,
        @NotBlank @Size(max = 64) @PlainText String timeZone) {
}
