package care.mend.consent.web;

import care.mend.consent.ConsentKind;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The patient withdraws their consent in a program: of one kind, or of every kind when {@code kind} is absent. */
public record WithdrawConsentRequest(@NotNull UUID programId, ConsentKind kind) {
}
