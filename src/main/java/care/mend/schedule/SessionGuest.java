package care.mend.schedule;

import care.mend.program.Checks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A make-up guest: a patient on one session's roster who is not (or not only) a member of its group, there to make
 * up a missed session of their own program, as IOPs allow. The enrollment named here is the one the session counts
 * toward in progress, whatever the host group's program. Kept for good, like every roster fact; the rules for adding
 * one are {@link GroupSessionService#addGuest}'s and {@link SessionRoster#placesGuest}'s.
 */
@Entity
@Table(name = "session_guest")
public class SessionGuest {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "enrollment_id", nullable = false, updatable = false)
    private UUID enrollmentId;

    @Column(name = "reason", nullable = false, updatable = false, length = GroupSession.REASON_MAX)
    private String reason;

    /** The identity-provider subject of whoever added the guest. */
    @Column(name = "added_by", nullable = false, updatable = false, length = 255)
    private String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected SessionGuest() {
        // for JPA
    }

    public SessionGuest(UUID sessionId, UUID patientId, UUID enrollmentId, String reason, String addedBy,
                        Instant addedAt) {
        this.id = UUID.randomUUID();
        this.sessionId = Checks.required("sessionId", sessionId);
        this.patientId = Checks.required("patientId", patientId);
        this.enrollmentId = Checks.required("enrollmentId", enrollmentId);
        this.reason = Checks.text("reason", reason, GroupSession.REASON_MAX);
        this.addedBy = Checks.text("addedBy", addedBy, 255);
        this.addedAt = Checks.required("addedAt", addedAt);
    }

    public UUID id() {
        return id;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID enrollmentId() {
        return enrollmentId;
    }

    public String reason() {
        return reason;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
