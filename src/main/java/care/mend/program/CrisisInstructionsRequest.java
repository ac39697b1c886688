package care.mend.program;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.Size;

/**
 * A site's crisis instructions for the safety panel, several lines allowed; null or blank goes back to the default
 * ({@link Site#DEFAULT_CRISIS_INSTRUCTIONS}).
 */
public record CrisisInstructionsRequest(
        @Size(max = Site.CRISIS_INSTRUCTIONS_MAX) @PlainText(multiline = true) String instructions) {
}
