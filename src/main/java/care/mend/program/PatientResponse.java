package care.mend.program;

import java.time.Instant;
import java.util.UUID;

/**
 * @param chosenName the name the group sees in a room; {@code displayName} is the record's
 * @param email      the e-mail address, null when the patient has none
 */
public record PatientResponse(UUID id, String idpSubject, String displayName, String chosenName,
                              EmergencyContactBody emergencyContact, Instant createdAt, String email) {

    public static PatientResponse from(Patient patient) {
        return new PatientResponse(patient.id(), patient.idpSubject(), patient.displayName(), patient.chosenName(),
                EmergencyContactBody.from(patient.emergencyContact()), patient.createdAt(), patient.email());
    }
}
