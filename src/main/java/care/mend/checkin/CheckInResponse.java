package care.mend.checkin;

import java.time.Instant;
import java.util.UUID;

/**
 * One check-in, as staff read it (the round of a session) and as the patient gets theirs back when it is recorded.
 *
 * @param lowMood            the mood was at or below {@code lowMoodAtMost}, the program's threshold when it was made
 * @param highCraving        the craving was at or above {@code highCravingAtLeast}, likewise
 */
public record CheckInResponse(UUID id, UUID sessionId, UUID patientId, int mood, Integer craving,
                              MedicationAnswer medication, String note, Instant checkedInAt, boolean lowMood,
                              boolean highCraving, int lowMoodAtMost, int highCravingAtLeast) {

    static CheckInResponse from(CheckIn c) {
        return new CheckInResponse(c.id(), c.sessionId(), c.patientId(), c.mood(), c.craving(), c.medication(),
                c.note(), c.checkedInAt(), c.lowMood(), c.highCraving(), c.lowMoodAtMost(), c.highCravingAtLeast());
    }
}
