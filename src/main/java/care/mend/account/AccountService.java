package care.mend.account;

import care.mend.program.Login;
import care.mend.program.LoginProblem;
import care.mend.program.Patient;
import care.mend.program.PatientLogins;
import care.mend.security.AuditAction;
import care.mend.security.LoginDisabled;
import care.mend.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Makes, invites, disables and enables patients' logins. Not transactional on purpose: each step reads in a short
 * transaction ({@link LoginRecords}), calls the identity provider with no transaction open, and records the outcome
 * in another short one, so a slow or absent Keycloak holds no database lock and never loses the record. A failure of
 * the identity provider is not an error of the request: it is the login's state ({@code FAILED} with its
 * {@link LoginProblem}), which the admin page shows with a "retry" action.
 */
@ApplicationScoped
public class AccountService implements PatientLogins {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    private IdentityProvisioning identityProvider;
    private LoginRecords records;
    private Event<LoginDisabled> disabled;

    protected AccountService() {
        // for CDI proxies
    }

    @Inject
    public AccountService(IdentityProvisioning identityProvider, LoginRecords records, Event<LoginDisabled> disabled) {
        this.identityProvider = identityProvider;
        this.records = records;
        this.disabled = disabled;
    }

    /**
     * Makes the patient's login, or links the user the identity provider has with their address, gives it the realm
     * role {@code patient} and, when it has no password yet, sends the provider's e-mail to set one. Safe to repeat
     * (the "retry" and "invite again" of the admin page).
     *
     * @param action {@link AuditAction#CREATE_LOGIN} at registration, {@link AuditAction#INVITE_LOGIN} afterwards
     */
    public Patient invitePatient(UUID patientId, AuditAction action) {
        LoginRecords.Invitee invitee = records.patientToInvite(patientId);
        IdentityProvisioning.ProvisionedUser user;
        try {
            user = identityProvider.ensureUser(invitee.email(), invitee.firstName(), Role.PATIENT);
        } catch (ProvisioningException e) {
            return failed(patientId, null, e.problem(), action);
        }
        if ((invitee.subject() != null && !invitee.subject().equals(user.subject()))
                || records.linkedElsewhere(patientId, user.subject())) {
            // The address belongs to a login another record (or another login this record) is linked to.
            return failed(patientId, null, LoginProblem.EMAIL_TAKEN, action);
        }
        if (!user.needsSetUp()) {
            LOG.info("MEND-ACCOUNTS a patient's record was linked to an existing login");
            return records.record(patientId, user.subject(), Login.active(), action);
        }
        try {
            identityProvider.sendInvitation(user.subject());
        } catch (ProvisioningException e) {
            return failed(patientId, user.subject(), e.problem(), action);
        }
        LOG.info("MEND-ACCOUNTS a patient was invited to set a password");
        return records.record(patientId, user.subject(), Login.invited(), action);
    }

    @Override
    public Patient invite(UUID patientId, boolean atRegistration) {
        return invitePatient(patientId, atRegistration ? AuditAction.CREATE_LOGIN : AuditAction.INVITE_LOGIN);
    }

    @Override
    public Patient disable(UUID patientId) {
        return disablePatient(patientId);
    }

    @Override
    public Patient enable(UUID patientId) {
        return enablePatient(patientId);
    }

    private Patient failed(UUID patientId, String subject, LoginProblem problem, AuditAction action) {
        LOG.warning(() -> "MEND-ACCOUNTS a patient's login was not completed: " + problem);
        return records.record(patientId, subject, Login.failed(problem), action);
    }

    /**
     * Disables the patient's login: the identity provider refuses their sign-in and ends their sessions, Mend refuses
     * their requests, and their open signaling sockets are closed ({@code LOGIN_DISABLED}). When the identity provider
     * cannot be told, Mend still disables the login on its side and records why ({@link Login#problem()}): disabling
     * again tells it.
     */
    public Patient disablePatient(UUID patientId) {
        String subject = records.patientSubject(patientId);
        LoginProblem problem = null;
        try {
            identityProvider.setEnabled(subject, false);
        } catch (ProvisioningException e) {
            problem = e.problem();
            LOG.warning(() -> "MEND-ACCOUNTS a login was disabled in Mend only: " + e.problem());
        }
        Patient patient = records.record(patientId, null, Login.disabled(problem), AuditAction.DISABLE_LOGIN);
        disabled.fire(new LoginDisabled(subject));
        return patient;
    }

    /** Enables a disabled login again; while the identity provider cannot be told, it stays disabled. */
    public Patient enablePatient(UUID patientId) {
        String subject = records.patientSubject(patientId);
        try {
            identityProvider.setEnabled(subject, true);
        } catch (ProvisioningException e) {
            return records.record(patientId, null, Login.disabled(e.problem()), AuditAction.ENABLE_LOGIN);
        }
        return records.record(patientId, null, Login.active(), AuditAction.ENABLE_LOGIN);
    }
}
