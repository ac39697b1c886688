package care.mend.program;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * Enrolls patients and ends enrollments. Ending one fires {@link EnrollmentEnded} synchronously, inside this
 * transaction: observers (the group memberships) end with it, or the whole change is rolled back.
 */
@ApplicationScoped
@Transactional
public class EnrollmentService {

    private static final System.Logger LOG = System.getLogger(EnrollmentService.class.getName());

    private EnrollmentRepository enrollments;
    private PatientRepository patients;
    private ProgramRepository programs;
    private SiteRepository sites;
    private Event<EnrollmentEnded> ended;
    private Clock clock;

    protected EnrollmentService() {
        // for CDI proxies
    }

    @Inject
    public EnrollmentService(EnrollmentRepository enrollments, PatientRepository patients,
                             ProgramRepository programs, SiteRepository sites, Event<EnrollmentEnded> ended,
                             Clock clock) {
        this.enrollments = enrollments;
        this.patients = patients;
        this.programs = programs;
        this.sites = sites;
        this.ended = ended;
        this.clock = clock;
    }

    /**
     * Enrolls a patient in a program at an active site. A second open enrollment in the same program is refused
     * ({@code ALREADY_ENROLLED}); under concurrent requests the unique constraint on the open marker refuses it.
     */
    public Enrollment enroll(UUID patientId, UUID programId, LocalDate startDate, LocalDate plannedEndDate) {
        References.require(patients.find(patientId), "patient", patientId);
        Program program = References.require(programs.find(programId), "program", programId);
        References.activeSite(sites.find(program.siteId()), program.siteId());
        if (enrollments.findOpenForUpdate(patientId, programId).isPresent()) {
            throw MendException.rule(ProblemCode.ALREADY_ENROLLED,
                    "Patient " + patientId + " is already enrolled in program " + programId);
        }
        Enrollment enrollment = enrollments.store(
                new Enrollment(patientId, programId, startDate, plannedEndDate, clock.instant()));
        LOG.log(System.Logger.Level.DEBUG, "mend.program: enrollment {0} created", enrollment.id());
        return enrollment;
    }

    /** Ends an enrollment (the only status change there is), and with it the patient's groups in the program. */
    public Enrollment changeStatus(UUID id, EnrollmentStatus status, LocalDate effectiveDate, String reason) {
        Enrollment enrollment = References.require(enrollments.findForUpdate(id), "enrollment", id);
        EnrollmentEnded event = enrollment.endWith(status, effectiveDate, reason, clock.instant());
        ended.fire(event);
        LOG.log(System.Logger.Level.DEBUG, "mend.program: enrollment {0} ended as {1}", id, status);
        return enrollment;
    }

    public Enrollment get(UUID id) {
        return References.require(enrollments.find(id), "enrollment", id);
    }

    public Page<Enrollment> list(UUID patientId, UUID programId, EnrollmentStatus status, PageRequest page) {
        return enrollments.list(patientId, programId, status, page);
    }

    public Page<Enrollment> list(UUID patientId, UUID programId, EnrollmentStatus status,
                                 Collection<UUID> visiblePatients, Collection<UUID> visiblePrograms, PageRequest page) {
        return enrollments.list(patientId, programId, status, visiblePatients, visiblePrograms, page);
    }
}
