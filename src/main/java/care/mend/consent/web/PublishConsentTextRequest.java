package care.mend.consent.web;

import care.mend.consent.ConsentKind;
import care.mend.consent.ConsentText;
import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new version of a program's text of {@code kind}: a title (one line) and the body (several lines: paragraphs are
 * separated by blank lines and shown as such).
 */
public record PublishConsentTextRequest(
        @NotNull ConsentKind kind,
        @NotBlank @Size(max = ConsentText.TITLE_MAX) @PlainText String title,
        @NotBlank @Size(max = ConsentText.BODY_MAX) @PlainText(multiline = true) String body) {
}
