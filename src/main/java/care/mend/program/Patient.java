package care.mend.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient, pseudonymous by design: the identity-provider subject links the record to a login, the display name
 * is what the group sees (a pseudonym or first name), and the emergency contact is for crisis protocols. Nothing
 * else about the person is stored here; clinical records live with the provider's EHR.
 *
 * <p>Invariants: {@code idpSubject} is required, unique and never changes once linked.
 */
@Entity
@Table(name = "patient")
public class Patient {

    public static final int SUBJECT_MAX = 255;
    public static final int DISPLAY_NAME_MAX = 100;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "idp_subject", nullable = false, updatable = false, unique = true, length = SUBJECT_MAX)
    private String idpSubject;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    @Embedded
    private EmergencyContact emergencyContact;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Patient() {
        // for JPA
    }

    public Patient(String idpSubject, String displayName, EmergencyContact emergencyContact, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.idpSubject = Checks.text("idpSubject", idpSubject, SUBJECT_MAX);
        rename(displayName);
        changeEmergencyContact(emergencyContact);
        this.createdAt = Checks.required("createdAt", createdAt);
    }

    public void rename(String newDisplayName) {
        this.displayName = Checks.text("displayName", newDisplayName, DISPLAY_NAME_MAX);
    }

    public void changeEmergencyContact(EmergencyContact newContact) {
        this.emergencyContact = Checks.required("emergencyContact", newContact);
    }

    public UUID id() {
        return id;
    }

    public String idpSubject() {
        return idpSubject;
    }

    public String displayName() {
        return displayName;
    }

    public EmergencyContact emergencyContact() {
        return emergencyContact;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
