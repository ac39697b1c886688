package care.mend.reminder;

import care.mend.program.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** The e-mail address on the patient's record ({@link Patient#email()}), read in the caller's transaction. */
@ApplicationScoped
public class PatientRecordAddresses implements ReminderAddresses {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    protected PatientRecordAddresses() {
        // for CDI
    }

    /** For tests outside the container. */
    public PatientRecordAddresses(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> of(UUID patientId) {
        Patient patient = em.find(Patient.class, patientId);
        return patient == null ? Optional.empty() : Optional.ofNullable(patient.email()).filter(a -> !a.isBlank());
    }
}
