package care.mend.program;

import java.time.Instant;
import java.util.UUID;

public record PatientResponse(UUID id, String idpSubject, String displayName, EmergencyContactBody emergencyContact,
                              Instant createdAt) {

    public static PatientResponse from(Patient patient) {
        return new PatientResponse(patient.id(), patient.idpSubject(), patient.displayName(),
                EmergencyContactBody.from(patient.emergencyContact()), patient.createdAt());
    }
}
