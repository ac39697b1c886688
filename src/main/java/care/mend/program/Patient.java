package care.mend.program;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
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
 * is the record's name (what staff see), the chosen name is what the group sees in a live room (a first name or a
 * name the patient picks: group therapy runs on first names, and a legal name is not the group's to know unless the
 * clinic chooses it), and the emergency contact is for crisis protocols. Nothing else about the person is stored
 * here; clinical records live with the provider's EHR. The e-mail address, optional, is where the identity provider
 * sends the invitation to set a password and where reminders go; it is contact data, never shown to the group.
 *
 * <p>Invariants: {@code idpSubject} is unique and never changes once linked. It is absent only on a record made with
 * an e-mail address whose login Mend makes ({@link #toInvite}): the record is stored first, and linked when the
 * identity provider has the user (V26_1); {@link #login()} says how far that got. The chosen name is never blank:
 * staff set it (by default the display name's first word) and the patient may change it.
 */
@Entity
@Table(name = "patient")
public class Patient {

    public static final int SUBJECT_MAX = 255;
    public static final int DISPLAY_NAME_MAX = 100;
    /** As long as a display name: a chosen name made from one (its first word) always fits. */
    public static final int CHOSEN_NAME_MAX = 100;
    /** RFC 5321's limit on a forward path, the longest address a mail server accepts. */
    public static final int EMAIL_MAX = 254;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "idp_subject", unique = true, length = SUBJECT_MAX)
    private String idpSubject;

    @Embedded
    private Login login;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    @Column(name = "chosen_name", nullable = false, length = CHOSEN_NAME_MAX)
    private String chosenName;

    @Embedded
    private EmergencyContact emergencyContact;

    @Column(name = "email", length = EMAIL_MAX)
    private String email;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Patient() {
        // for JPA
    }

    /** A patient whose chosen name is, until someone changes it, the first word of the display name. */
    public Patient(String idpSubject, String displayName, EmergencyContact emergencyContact, Instant createdAt) {
        this(idpSubject, displayName, null, emergencyContact, createdAt);
    }

    /** @param chosenName the name the group sees; null for the first word of the display name */
    public Patient(String idpSubject, String displayName, String chosenName, EmergencyContact emergencyContact,
            Instant createdAt) {
        this(createdAt, displayName, chosenName, emergencyContact);
        this.idpSubject = Checks.text("idpSubject", idpSubject, SUBJECT_MAX);
        this.login = Login.active();
    }

    private Patient(Instant createdAt, String displayName, String chosenName, EmergencyContact emergencyContact) {
        this.id = UUID.randomUUID();
        this.login = Login.none();
        rename(displayName);
        chooseName(chosenName == null ? firstWord(this.displayName) : chosenName);
        changeEmergencyContact(emergencyContact);
        this.createdAt = Checks.required("createdAt", createdAt);
    }

    /**
     * A patient whose login Mend is to make: no subject yet, an e-mail address required (where the invitation goes).
     *
     * @param chosenName the name the group sees; null for the first word of the display name
     */
    public static Patient toInvite(String displayName, String chosenName, EmergencyContact emergencyContact,
            String email, Instant createdAt) {
        Patient patient = new Patient(createdAt, displayName, chosenName, emergencyContact);
        patient.changeEmail(Checks.required("email", Checks.email("email", email, EMAIL_MAX)));
        return patient;
    }

    /**
     * Links the record to the identity provider's user and records what became of the login. A record already linked
     * keeps its subject: linking it to another is refused ({@code DUPLICATE_SUBJECT}).
     */
    public void linkLogin(String subject, Login newLogin) {
        String checked = Checks.text("idpSubject", subject, SUBJECT_MAX);
        if (idpSubject != null && !idpSubject.equals(checked)) {
            throw MendException.rule(ProblemCode.DUPLICATE_SUBJECT, "The record is already linked to another login");
        }
        this.idpSubject = checked;
        this.login = Checks.required("login", newLogin);
    }

    /** What became of the last attempt on the login, the subject unchanged. */
    public void recordLogin(Login newLogin) {
        this.login = Checks.required("login", newLogin);
    }

    public void rename(String newDisplayName) {
        this.displayName = Checks.text("displayName", newDisplayName, DISPLAY_NAME_MAX);
    }

    /** The name the group sees from now on (the next join of the room), set by staff or by the patient. */
    public void chooseName(String newChosenName) {
        this.chosenName = Checks.text("chosenName", newChosenName, CHOSEN_NAME_MAX);
    }

    /**
     * The default chosen name: the display name up to its first space, the rule V14 applied to the patients that
     * existed before chosen names did.
     */
    static String firstWord(String displayName) {
        String stripped = displayName.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }

    /**
     * The patient's e-mail address from now on; blank or null removes it. Checked with {@link Checks#email}: stripped,
     * at most {@link #EMAIL_MAX} characters, one {@code @} with text before it and a dotted domain after it.
     */
    public void changeEmail(String newEmail) {
        this.email = Checks.email("email", newEmail, EMAIL_MAX);
    }

    public void changeEmergencyContact(EmergencyContact newContact) {
        this.emergencyContact = Checks.required("emergencyContact", newContact);
    }

    public UUID id() {
        return id;
    }

    /** The identity provider's subject, or null while Mend has not linked the login yet. */
    public String idpSubject() {
        return idpSubject;
    }

    public Login login() {
        return login;
    }

    public String displayName() {
        return displayName;
    }

    public String chosenName() {
        return chosenName;
    }

    public EmergencyContact emergencyContact() {
        return emergencyContact;
    }

    /** The e-mail address, or null when the patient has none. */
    public String email() {
        return email;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
