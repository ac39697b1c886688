package care.mend.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The facilitator's signature on a session's attendance: from then on the session's records are frozen. */
@Entity
@Immutable
@Table(name = "attendance_sign_off")
public class AttendanceSignOff {

    @Id
    @Column(name = "session_id")
    private UUID sessionId;

    @Column(name = "signed_by_subject", nullable = false)
    private String signedBySubject;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    protected AttendanceSignOff() {
        // for JPA
    }

    public AttendanceSignOff(UUID sessionId, String signedBySubject, Instant signedAt) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.signedBySubject = Objects.requireNonNull(signedBySubject, "signedBySubject");
        this.signedAt = Objects.requireNonNull(signedAt, "signedAt");
    }

    public UUID sessionId() {
        return sessionId;
    }

    public String signedBySubject() {
        return signedBySubject;
    }

    public Instant signedAt() {
        return signedAt;
    }
}
