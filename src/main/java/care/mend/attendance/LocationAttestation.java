package care.mend.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * Where a patient said they were for a session, in their own words, when they joined its room. Kept as stated
 * (never edited); the session's attendance record takes the latest one at sign-off.
 */
@Entity
@Immutable
@Table(name = "location_attestation")
public class LocationAttestation {

    public static final int LOCATION_MAX = 200;

    @Id
    private UUID id;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "location", nullable = false, length = LOCATION_MAX)
    private String location;

    /** A {@link care.mend.program.Jurisdiction} code; null on statements without one (before V25, older clients). */
    @Column(name = "jurisdiction", length = care.mend.program.Jurisdiction.CODE_MAX)
    private String jurisdiction;

    @Column(name = "attested_at", nullable = false)
    private Instant attestedAt;

    protected LocationAttestation() {
        // for JPA
    }

    public LocationAttestation(UUID sessionId, UUID patientId, String location, Instant attestedAt) {
        this(sessionId, patientId, location, null, attestedAt);
    }

    public LocationAttestation(UUID sessionId, UUID patientId, String location,
                               care.mend.program.Jurisdiction jurisdiction, Instant attestedAt) {
        this.id = UUID.randomUUID();
        this.jurisdiction = jurisdiction == null ? null : jurisdiction.code();
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.patientId = Objects.requireNonNull(patientId, "patientId");
        this.location = AttestedLocation.checked(location);
        this.attestedAt = Objects.requireNonNull(attestedAt, "attestedAt");
    }

    public UUID sessionId() {
        return sessionId;
    }

    public UUID patientId() {
        return patientId;
    }

    public String location() {
        return location;
    }

    /** Where the patient said they were, for licensure; null when they did not say. */
    public care.mend.program.Jurisdiction jurisdiction() {
        return jurisdiction == null ? null : care.mend.program.Jurisdiction.of(jurisdiction);
    }

    public Instant attestedAt() {
        return attestedAt;
    }

    /** The location is health information: it stays out of logs. */
    @Override
    public String toString() {
        return "LocationAttestation[" + attestedAt + "]";
    }
}
