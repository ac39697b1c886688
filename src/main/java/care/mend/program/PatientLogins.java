package care.mend.program;

import java.util.UUID;

/**
 * The port through which the patients' REST resource has their logins made, invited, disabled and enabled
 * ({@code care.mend.account.AccountService} implements it, so that this package does not depend on that one). Each
 * call reaches the identity provider: never call it inside a transaction.
 */
public interface PatientLogins {

    /**
     * Makes or links the patient's login and invites them to set a password; a failure of the identity provider is
     * recorded on the patient ({@link LoginState#FAILED}), not thrown.
     *
     * @param atRegistration true right after the record was made (audited as a new login), false for a retry
     */
    Patient invite(UUID patientId, boolean atRegistration);

    /** Disables the login at the identity provider and in Mend, and closes the patient's signaling sockets. */
    Patient disable(UUID patientId);

    /** Enables a disabled login again. */
    Patient enable(UUID patientId);
}
