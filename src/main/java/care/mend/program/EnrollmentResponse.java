package care.mend.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record EnrollmentResponse(UUID id, UUID patientId, UUID programId, LocalDate startDate,
                                 LocalDate plannedEndDate, EnrollmentStatus status, LocalDate endDate,
                                 List<StatusChange> history, Instant createdAt) {

    /** One line of the status history. */
    public record StatusChange(EnrollmentStatus status, LocalDate effectiveDate, String reason, Instant recordedAt) {
    }

    public static EnrollmentResponse from(Enrollment e) {
        return new EnrollmentResponse(e.id(), e.patientId(), e.programId(), e.startDate(), e.plannedEndDate(),
                e.status(), e.endDate(), e.history().stream()
                .map(h -> new StatusChange(h.status(), h.effectiveDate(), h.reason(), h.recordedAt())).toList(),
                e.createdAt());
    }
}
