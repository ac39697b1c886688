package care.mend.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of an enrollment's status history: what the status became, from which day, why, and when it was
 * recorded. Append-only: a line is never changed or removed.
 */
@Entity
@Table(name = "enrollment_status_change")
public class EnrollmentStatusChange {

    public static final int REASON_MAX = 500;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "enrollment_id", nullable = false, updatable = false)
    private Enrollment enrollment;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, updatable = false, length = 16)
    private EnrollmentStatus status;

    @Column(name = "effective_date", nullable = false, updatable = false)
    private LocalDate effectiveDate;

    @Column(name = "reason", updatable = false, length = REASON_MAX)
    private String reason;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected EnrollmentStatusChange() {
        // for JPA
    }

    EnrollmentStatusChange(Enrollment enrollment, EnrollmentStatus status, LocalDate effectiveDate, String reason,
                           Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.enrollment = enrollment;
        this.status = status;
        this.effectiveDate = effectiveDate;
        this.reason = reason;
        this.recordedAt = recordedAt;
    }

    public UUID id() {
        return id;
    }

    public EnrollmentStatus status() {
        return status;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    /** Why the status changed; may hold clinical text, so it is never logged or put into an error detail. */
    public String reason() {
        return reason;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
