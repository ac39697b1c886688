package care.mend.program;

import java.time.Instant;
import java.util.UUID;

/**
 * @param chosenName the name the group sees in a room; {@code displayName} is the record's
 * @param email      the e-mail address, null when the patient has none
 * @param idpSubject   the login's subject, null while Mend has not linked one
 * @param loginState   what Mend made of the login ({@link LoginState})
 * @param loginProblem why the last attempt on the login failed ({@link LoginProblem}), or null
 */
public record PatientResponse(UUID id, String idpSubject, String displayName, String chosenName,
                              EmergencyContactBody emergencyContact, Instant createdAt, String email,
                              LoginState loginState, LoginProblem loginProblem) {

    public static PatientResponse from(Patient patient) {
        return new PatientResponse(patient.id(), patient.idpSubject(), patient.displayName(), patient.chosenName(),
                EmergencyContactBody.from(patient.emergencyContact()), patient.createdAt(), patient.email(),
                patient.login().state(), patient.login().problem());
    }
}
