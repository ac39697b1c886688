package care.mend.reminder;

import care.mend.program.Checks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One patient's choice of session reminders by e-mail. Opt-in: a patient without a row gets none. The patient changes
 * it on their page, staff on the admin patients page; the last change is the choice, with who made it and when.
 */
@Entity
@Table(name = "reminder_preference")
public class ReminderPreference {

    /** Who made the last change. */
    public enum ChangedBy {
        PATIENT,
        STAFF
    }

    @Id
    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "email", nullable = false)
    private boolean email;

    @Enumerated(EnumType.STRING)
    @Column(name = "changed_by", nullable = false, length = 16)
    private ChangedBy changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ReminderPreference() {
        // for JPA
    }

    public ReminderPreference(UUID patientId, boolean email, ChangedBy changedBy, Instant changedAt) {
        this.patientId = Checks.required("patientId", patientId);
        choose(email, changedBy, changedAt);
    }

    /** The patient's (or staff's) choice from now on. */
    public void choose(boolean wantsEmail, ChangedBy by, Instant at) {
        this.email = wantsEmail;
        this.changedBy = Checks.required("changedBy", by);
        this.changedAt = Checks.required("changedAt", at);
    }

    public UUID patientId() {
        return patientId;
    }

    public boolean email() {
        return email;
    }

    public ChangedBy changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
