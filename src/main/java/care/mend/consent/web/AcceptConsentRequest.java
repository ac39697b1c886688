package care.mend.consent.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * The patient accepts a text as read: its id and the version they were shown (a newer version published meanwhile
 * is 409 {@code CONSENT_VERSION_STALE}).
 */
public record AcceptConsentRequest(@NotNull UUID textId, @NotNull @Min(1) Integer version) {
}
