package care.mend.reminder;

import jakarta.validation.constraints.NotNull;

/** @param email whether to get an e-mail before each session */
public record ReminderPreferenceRequest(@NotNull Boolean email) {
}
