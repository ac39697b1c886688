package care.mend.program;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import java.util.Optional;
import java.util.Collection;
import java.util.UUID;

/** Where patients are kept. */
public interface PatientRepository {

    Optional<Patient> find(UUID id);

    Optional<Patient> findByIdpSubject(String idpSubject);

    /** Makes a new patient persistent; changes to a found patient are saved with the transaction. */
    Patient store(Patient patient);

    /** @param idpSubject exact match; all patients when null */
    default Page<Patient> list(String idpSubject, PageRequest page) {
        return list(idpSubject, null, page);
    }

    /** The same listing restricted to {@code visible} ids (null: unrestricted; empty: nothing), from the access policy. */
    Page<Patient> list(String idpSubject, Collection<UUID> visible, PageRequest page);
}
