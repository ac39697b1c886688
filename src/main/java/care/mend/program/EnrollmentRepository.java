package care.mend.program;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import java.util.Optional;
import java.util.Collection;
import java.util.UUID;

/** Where enrollments and their history are kept. */
public interface EnrollmentRepository {

    Optional<Enrollment> find(UUID id);

    /** The enrollment, write-locked until the transaction ends: status changes and admissions are serialised. */
    Optional<Enrollment> findForUpdate(UUID id);

    /**
     * The patient's ENROLLED enrollment in the program (there is at most one), write-locked until the transaction
     * ends so that it can't end while a decision based on it is being made.
     */
    Optional<Enrollment> findOpenForUpdate(UUID patientId, UUID programId);

    Enrollment store(Enrollment enrollment);

    /** All filters optional (null: not filtered). */
    default Page<Enrollment> list(UUID patientId, UUID programId, EnrollmentStatus status, PageRequest page) {
        return list(patientId, programId, status, null, null, page);
    }

    /** The same listing restricted to {@code visible} ids (null: unrestricted; empty: nothing), from the access policy. */
    Page<Enrollment> list(UUID patientId, UUID programId, EnrollmentStatus status, Collection<UUID> visiblePatients,
                          Collection<UUID> visiblePrograms, PageRequest page);
}
