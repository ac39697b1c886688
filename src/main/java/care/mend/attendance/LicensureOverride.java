package care.mend.attendance;

import care.mend.program.Jurisdiction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A patient admitted to a session although the place they stated was outside every licensed state of its
 * facilitators ({@link care.mend.program.Licensure}): the facilitator's "admit anyway", with who, when, why, and what
 * the patient had stated. Documentation: kept as written (append-only), shown on the session's attendance sheet line
 * and logged in the access log.
 */
@Entity
@Immutable
@Table(name = "licensure_override")
public class LicensureOverride {

    public static final int REASON_MAX = 500;

    @Id
    private UUID id;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "jurisdiction", nullable = false, length = Jurisdiction.CODE_MAX)
    private String jurisdiction;

    @Column(name = "reason", nullable = false, length = REASON_MAX)
    private String reason;

    @Column(name = "author_subject", nullable = false)
    private String authorSubject;

    @Column(name = "author_staff_id")
    private UUID authorStaffId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected LicensureOverride() {
        // for JPA
    }

    public LicensureOverride(UUID sessionId, UUID patientId, Jurisdiction jurisdiction, String reason,
                             String authorSubject, UUID authorStaffId, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.patientId = Objects.requireNonNull(patientId, "patientId");
        this.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction").code();
        this.reason = checkedReason(reason);
        this.authorSubject = Objects.requireNonNull(authorSubject, "authorSubject");
        this.authorStaffId = authorStaffId;
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /**
     * The rule for an override's reason, shared by the signaling message and the record: trimmed, 1 to
     * {@value #REASON_MAX} characters, one line, no control characters. The exception says which rule, never the text.
     */
    public static String checkedReason(String reason) {
        if (reason == null) {
            throw new IllegalArgumentException("overrideReason is required");
        }
        String trimmed = reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > REASON_MAX) {
            throw new IllegalArgumentException("overrideReason is 1 to " + REASON_MAX + " characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.SURROGATE)) {
            throw new IllegalArgumentException("overrideReason is one line of text");
        }
        return trimmed;
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

    public Jurisdiction jurisdiction() {
        return Jurisdiction.of(jurisdiction);
    }

    public String reason() {
        return reason;
    }

    public String authorSubject() {
        return authorSubject;
    }

    public UUID authorStaffId() {
        return authorStaffId;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** The reason and the place are health information: they stay out of logs. */
    @Override
    public String toString() {
        return "LicensureOverride[" + id + ", " + recordedAt + "]";
    }
}
