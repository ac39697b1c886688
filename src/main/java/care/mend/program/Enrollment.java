package care.mend.program;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A patient's enrollment in a program.
 *
 * <p>Lifecycle: created ENROLLED; {@link #endWith} moves it once to COMPLETED, DISCHARGED or WITHDRAWN, and that is
 * final (a returning patient gets a new enrollment). Every status, the first included, is a line of the
 * {@linkplain #history() history}. A patient has at most one ENROLLED enrollment per program: the service checks it,
 * and the {@code open_marker} column (TRUE while enrolled, NULL after) makes the database refuse a second one even
 * under concurrent requests, through {@code unique (patient_id, program_id, open_marker)} (NULLs never collide).
 *
 * <p>Dates are inclusive: the patient takes part from {@code startDate} through {@code plannedEndDate} (open when
 * null), and a terminal status's effective date is their last day.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "program_id", nullable = false, updatable = false)
    private UUID programId;

    @Column(name = "start_date", nullable = false, updatable = false)
    private LocalDate startDate;

    @Column(name = "planned_end_date")
    private LocalDate plannedEndDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private EnrollmentStatus status;

    @Column(name = "end_date")
    private LocalDate endDate;

    /** TRUE while ENROLLED, NULL afterwards; see the class comment. */
    @Column(name = "open_marker")
    private Boolean openMarker;

    // Small (2 lines at most today) and always shown with the enrollment, hence eager.
    @OneToMany(mappedBy = "enrollment", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("recordedAt ASC")
    private List<EnrollmentStatusChange> history = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Enrollment() {
        // for JPA
    }

    public Enrollment(UUID patientId, UUID programId, LocalDate startDate, LocalDate plannedEndDate,
                      Instant createdAt) {
        this.id = UUID.randomUUID();
        this.patientId = Checks.required("patientId", patientId);
        this.programId = Checks.required("programId", programId);
        this.startDate = Checks.required("startDate", startDate);
        if (plannedEndDate != null && plannedEndDate.isBefore(startDate)) {
            throw MendException.invalidField("plannedEndDate", "must not be before startDate");
        }
        this.plannedEndDate = plannedEndDate;
        this.createdAt = Checks.required("createdAt", createdAt);
        this.status = EnrollmentStatus.ENROLLED;
        this.openMarker = Boolean.TRUE;
        this.history.add(new EnrollmentStatusChange(this, EnrollmentStatus.ENROLLED, startDate, null, createdAt));
    }

    /**
     * Ends the enrollment: the only allowed change is ENROLLED to a terminal status.
     *
     * @param effectiveDate the patient's last day in the program; not before the start date
     * @param reason        why; required (it is part of the clinical record)
     * @return the event that lets dependants (group memberships) end too
     */
    public EnrollmentEnded endWith(EnrollmentStatus newStatus, LocalDate effectiveDate, String reason,
                                   Instant recordedAt) {
        Checks.required("status", newStatus);
        Checks.required("effectiveDate", effectiveDate);
        String checkedReason = Checks.text("reason", reason, EnrollmentStatusChange.REASON_MAX);
        Checks.required("recordedAt", recordedAt);
        if (status != EnrollmentStatus.ENROLLED || !newStatus.isTerminal()) {
            throw MendException.rule(ProblemCode.INVALID_STATUS_TRANSITION,
                    "Enrollment " + id + " can't change from " + status + " to " + newStatus);
        }
        if (effectiveDate.isBefore(startDate)) {
            throw MendException.invalidField("effectiveDate", "must not be before the enrollment's start date");
        }
        this.status = newStatus;
        this.endDate = effectiveDate;
        this.openMarker = null;
        this.history.add(new EnrollmentStatusChange(this, newStatus, effectiveDate, checkedReason, recordedAt));
        return new EnrollmentEnded(id, patientId, programId, newStatus, effectiveDate);
    }

    /**
     * Whether the patient may start something new in the program on that day (a group membership): ENROLLED now
     * and the day within start..planned end. Not the roster's rule: see {@link #coversDay}.
     */
    public boolean isActiveOn(LocalDate day) {
        return status == EnrollmentStatus.ENROLLED && coversDay(day);
    }

    /**
     * Whether the patient took or takes part in the program on that day, by its dates alone: from the start through
     * the planned end and, once ended, through the end date (the last day). The session roster's rule
     * ({@code care.mend.schedule.SessionRoster}): it judges a day by what held on that day, so discharging a patient
     * today does not take them off last week's sheets or out of their progress.
     */
    public boolean coversDay(LocalDate day) {
        return !day.isBefore(startDate)
                && (plannedEndDate == null || !day.isAfter(plannedEndDate))
                && (endDate == null || !day.isAfter(endDate));
    }

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID programId() {
        return programId;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate plannedEndDate() {
        return plannedEndDate;
    }

    public EnrollmentStatus status() {
        return status;
    }

    /** The last day of an ended enrollment; null while ENROLLED. */
    public LocalDate endDate() {
        return endDate;
    }

    public List<EnrollmentStatusChange> history() {
        return Collections.unmodifiableList(history);
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
