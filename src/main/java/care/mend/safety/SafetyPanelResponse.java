package care.mend.safety;

import java.util.UUID;

/**
 * What the safety panel shows for one patient of a session.
 *
 * @param statedLocation     the patient's latest statement for the session, as typed; null when they made none
 * @param jurisdiction       the state or country they picked beside it ({@code US-IL}, {@code FR}); null: none
 * @param jurisdictionName   its name ("Illinois", "France"); null with it
 * @param outsideLicensure   the picked place is outside every licensed state of the session's facilitators
 * @param emergencyContact   from the patient record
 * @param crisisInstructions the site's, or the default for the US
 */
public record SafetyPanelResponse(UUID sessionId, UUID patientId, String patientName, String statedLocation,
                                  String jurisdiction, String jurisdictionName, boolean outsideLicensure,
                                  Contact emergencyContact, String crisisInstructions) {

    /** Whom to call. */
    public record Contact(String name, String phone) {
    }

    /** Health information: never in a log line. */
    @Override
    public String toString() {
        return "SafetyPanelResponse[" + sessionId + "]";
    }
}
