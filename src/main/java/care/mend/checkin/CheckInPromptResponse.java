package care.mend.checkin;

import java.time.Instant;
import java.util.UUID;

/**
 * What the patient's page needs to offer the check-in for a session; the patient's own answers are not repeated.
 *
 * @param ask          whether to offer it now: the program asks, it is open, and the patient has not checked in
 * @param enabled      whether the program asks for a check-in at all
 * @param asksCraving  whether it asks for craving
 * @param open         whether check-in is open for the session now (its day, until its end)
 * @param checkedInAt  when the patient checked in for it, or null
 * @param noteMax      the longest note
 */
public record CheckInPromptResponse(UUID sessionId, boolean ask, boolean enabled, boolean asksCraving, boolean open,
                                    Instant checkedInAt, int noteMax) {

    static CheckInPromptResponse from(CheckIns.Prompt prompt) {
        return new CheckInPromptResponse(prompt.session().id(), prompt.ask(), prompt.plan().enabled(),
                prompt.plan().asksCraving(), prompt.open(),
                prompt.existing().map(CheckIn::checkedInAt).orElse(null), CheckIn.NOTE_MAX);
    }
}
