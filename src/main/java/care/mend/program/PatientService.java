package care.mend.program;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Registers and changes patients. Logs ids only. */
@ApplicationScoped
@Transactional
public class PatientService {

    private static final System.Logger LOG = System.getLogger(PatientService.class.getName());

    private PatientRepository patients;
    private Clock clock;

    protected PatientService() {
        // for CDI proxies
    }

    @Inject
    public PatientService(PatientRepository patients, Clock clock) {
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * Registers a patient. A subject already linked to a patient is refused ({@code DUPLICATE_SUBJECT}); the unique
     * constraint on {@code idp_subject} settles two concurrent registrations.
     */
    public Patient register(String idpSubject, String displayName, EmergencyContact emergencyContact) {
        return register(idpSubject, displayName, null, emergencyContact);
    }

    /** Registers a patient with the name the group sees; null for the display name's first word. */
    public Patient register(String idpSubject, String displayName, String chosenName,
            EmergencyContact emergencyContact) {
        return register(idpSubject, displayName, chosenName, emergencyContact, null);
    }

    /**
     * Registers a patient with an e-mail address; null or blank for none. Without a subject, the address is required
     * and the record waits for its login ({@link LoginState#NONE}): the caller then has Mend make it
     * ({@code care.mend.account.AccountService}), after this transaction, never inside it.
     */
    public Patient register(String idpSubject, String displayName, String chosenName,
            EmergencyContact emergencyContact, String email) {
        Patient patient;
        if (idpSubject == null || idpSubject.isBlank()) {
            if (email == null || email.isBlank()) {
                throw MendException.invalidField("idpSubject", "give a Keycloak subject or an e-mail address");
            }
            patient = Patient.toInvite(displayName, chosenName, emergencyContact, email, clock.instant());
            patients.store(patient);
            LOG.log(System.Logger.Level.DEBUG, "mend.program: patient {0} registered, login to make", patient.id());
            return patient;
        }
        patient = new Patient(idpSubject, displayName, chosenName, emergencyContact, clock.instant());
        patient.changeEmail(email);
        if (patients.findByIdpSubject(patient.idpSubject()).isPresent()) {
            throw MendException.rule(ProblemCode.DUPLICATE_SUBJECT, "A patient is already linked to that subject");
        }
        patients.store(patient);
        LOG.log(System.Logger.Level.DEBUG, "mend.program: patient {0} registered", patient.id());
        return patient;
    }

    public Patient update(UUID id, String displayName, EmergencyContact emergencyContact) {
        return update(id, displayName, null, emergencyContact);
    }

    /** Changes the record; a null {@code chosenName} keeps the one the patient has (it may be the patient's own). */
    public Patient update(UUID id, String displayName, String chosenName, EmergencyContact emergencyContact) {
        return update(id, displayName, chosenName, emergencyContact, null);
    }

    /**
     * Changes the record; a null {@code chosenName} keeps the one the patient has, a null {@code email} keeps the
     * address and a blank one removes it. All fields are checked before any changes: bad input changes nothing.
     */
    public Patient update(UUID id, String displayName, String chosenName, EmergencyContact emergencyContact,
            String email) {
        Patient patient = get(id);
        String checkedEmail = email == null ? patient.email() : Checks.email("email", email, Patient.EMAIL_MAX);
        patient.rename(displayName);
        if (chosenName != null) {
            patient.chooseName(chosenName);
        }
        patient.changeEmergencyContact(emergencyContact);
        patient.changeEmail(checkedEmail);
        return patient;
    }

    /**
     * The patient linked to {@code idpSubject} chooses the name the group sees; it shows from their next join of a
     * room. Empty when no patient is linked to the subject.
     */
    public Optional<Patient> chooseOwnName(String idpSubject, String chosenName) {
        Optional<Patient> patient = patients.findByIdpSubject(idpSubject);
        patient.ifPresent(p -> {
            p.chooseName(chosenName);
            LOG.log(System.Logger.Level.DEBUG, "mend.program: patient {0} chose a name", p.id());
        });
        return patient;
    }

    public Patient get(UUID id) {
        return References.require(patients.find(id), "patient", id);
    }

    public Page<Patient> list(String idpSubject, PageRequest page) {
        return patients.list(idpSubject, page);
    }

    public Page<Patient> list(String idpSubject, Collection<UUID> visible, PageRequest page) {
        return patients.list(idpSubject, visible, page);
    }
}
