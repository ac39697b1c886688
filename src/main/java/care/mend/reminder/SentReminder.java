package care.mend.reminder;

import care.mend.program.Checks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * That a reminder was sent: to which patient, for which session and start, when. Never the message, nor the address
 * (both can be rebuilt; neither needs keeping). Append-only (a PostgreSQL trigger refuses changes), unique per
 * patient, session and start: the key that makes sending once a property of the database, not of one node's memory.
 */
@Entity
@Immutable
@Table(name = "sent_reminder")
public class SentReminder {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "session_starts_at", nullable = false, updatable = false)
    private Instant sessionStartsAt;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    protected SentReminder() {
        // for JPA
    }

    public SentReminder(UUID sessionId, UUID patientId, Instant sessionStartsAt, Instant sentAt) {
        this.id = UUID.randomUUID();
        this.sessionId = Checks.required("sessionId", sessionId);
        this.patientId = Checks.required("patientId", patientId);
        this.sessionStartsAt = Checks.required("sessionStartsAt", sessionStartsAt);
        this.sentAt = Checks.required("sentAt", sentAt);
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

    public Instant sessionStartsAt() {
        return sessionStartsAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
