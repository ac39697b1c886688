package care.mend.attendance;

import care.mend.platform.problem.MendException;
import care.mend.program.Checks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * The facilitator's signature on a session's attendance: from then on the session's records are frozen. For a
 * session that was not held, the signature states why it did not take place ({@link #notHeldReason}) and freezes no
 * records: nobody attended, and nobody is marked absent.
 */
@Entity
@Immutable
@Table(name = "attendance_sign_off")
public class AttendanceSignOff {

    public static final int NOT_HELD_REASON_MAX = 300;

    @Id
    @Column(name = "session_id")
    private UUID sessionId;

    @Column(name = "signed_by_subject", nullable = false)
    private String signedBySubject;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "not_held_reason", length = NOT_HELD_REASON_MAX)
    private String notHeldReason;

    protected AttendanceSignOff() {
        // for JPA
    }

    public AttendanceSignOff(UUID sessionId, String signedBySubject, Instant signedAt) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.signedBySubject = Objects.requireNonNull(signedBySubject, "signedBySubject");
        this.signedAt = Objects.requireNonNull(signedAt, "signedAt");
    }

    /**
     * The signature on a session that did not take place.
     *
     * @param reason why it did not: 1 to 300 characters of plain text on one line (stripped)
     */
    public static AttendanceSignOff notHeld(UUID sessionId, String signedBySubject, String reason, Instant signedAt) {
        String checked = Checks.text("reason", reason, NOT_HELD_REASON_MAX);
        if (checked.chars().anyMatch(Character::isISOControl)) {
            throw MendException.invalidField("reason", "must be plain text on one line");
        }
        AttendanceSignOff signOff = new AttendanceSignOff(sessionId, signedBySubject, signedAt);
        signOff.notHeldReason = checked;
        return signOff;
    }

    /** Whether this signature says the session was not held. */
    public boolean isNotHeld() {
        return notHeldReason != null;
    }

    /** Why the session did not take place; null for a session that was held. */
    public String notHeldReason() {
        return notHeldReason;
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
