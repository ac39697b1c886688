package care.mend.account;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.Login;
import care.mend.program.Patient;
import care.mend.program.PatientRepository;
import care.mend.program.References;
import care.mend.security.AccessPolicy;
import care.mend.security.AuditAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The short transactions around a call to the identity provider: read what the call needs, then record what came of
 * it with its access-log row. Nothing here calls the identity provider, so no lock is held while it answers.
 */
@ApplicationScoped
@Transactional
public class LoginRecords {

    private PatientRepository patients;
    private AccessPolicy access;

    protected LoginRecords() {
        // for CDI proxies
    }

    @Inject
    public LoginRecords(PatientRepository patients, AccessPolicy access) {
        this.patients = patients;
        this.access = access;
    }

    /** What an invitation of the patient needs; refused without an address, or while the login is disabled. */
    public Invitee patientToInvite(UUID patientId) {
        Patient patient = patient(patientId);
        if (patient.email() == null) {
            throw MendException.rule(ProblemCode.LOGIN_EMAIL_REQUIRED, "Add the patient's e-mail address first");
        }
        if (patient.login().isDisabled()) {
            throw MendException.rule(ProblemCode.LOGIN_IS_DISABLED, "Enable the patient's login first");
        }
        return new Invitee(patient.email(), patient.chosenName(), patient.idpSubject());
    }

    /** The subject of the patient's login; refused when the record is not linked to one. */
    public String patientSubject(UUID patientId) {
        String subject = patient(patientId).idpSubject();
        if (subject == null) {
            throw MendException.rule(ProblemCode.NO_LOGIN, "The patient has no login yet: invite them first");
        }
        return subject;
    }

    /** True when another patient's record is linked to this subject already. */
    public boolean linkedElsewhere(UUID patientId, String subject) {
        return patients.findByIdpSubject(subject).filter(other -> !other.id().equals(patientId)).isPresent();
    }

    /**
     * Records the login's new state, linking the record to {@code subject} when given, with one row of the access log
     * in the same transaction.
     */
    public Patient record(UUID patientId, String subject, Login login, AuditAction action) {
        return access.loginChange(action, patientId, () -> {
            Patient patient = patient(patientId);
            if (subject != null) {
                patient.linkLogin(subject, login);
            } else {
                patient.recordLogin(login);
            }
            return patient;
        });
    }

    private Patient patient(UUID id) {
        return References.require(patients.find(id), "patient", id);
    }

    /**
     * @param email     where the invitation goes
     * @param firstName the name the group sees, the only name the identity provider is told
     * @param subject   the login the record is linked to already, or null
     */
    public record Invitee(String email, String firstName, String subject) {
    }
}
