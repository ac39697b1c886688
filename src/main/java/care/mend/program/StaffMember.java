package care.mend.program;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A facilitator, supervisor or administrator as a person. What they may do comes from their roles in the identity
 * provider, not from this record. An inactive staff member keeps their history but can't be assigned to groups.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    public static final int DISPLAY_NAME_MAX = 100;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "idp_subject", nullable = false, updatable = false, unique = true, length = Patient.SUBJECT_MAX)
    private String idpSubject;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    @Column(name = "active", nullable = false)
    private boolean active;

    /**
     * The sites this person works at. A supervisor reads the records of these sites and no others; for other
     * staff it documents where they work.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_site", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "site_id", nullable = false)
    private Set<UUID> siteIds = new HashSet<>();

    /**
     * The US states, DC or territories (USPS codes) this person is licensed in. A facilitator's session flags the
     * patients who say they are elsewhere ({@link Licensure}).
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_licensed_state", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "state", nullable = false, length = 2)
    private Set<String> licensedStates = new HashSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StaffMember() {
        // for JPA
    }

    public StaffMember(String idpSubject, String displayName, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.idpSubject = Checks.text("idpSubject", idpSubject, Patient.SUBJECT_MAX);
        rename(displayName);
        this.active = true;
        this.createdAt = Checks.required("createdAt", createdAt);
    }

    public void rename(String newDisplayName) {
        this.displayName = Checks.text("displayName", newDisplayName, DISPLAY_NAME_MAX);
    }

    /** Adds a site this person works at; assigning a site twice changes nothing. */
    public void assignSite(UUID siteId) {
        siteIds.add(Checks.required("siteId", siteId));
    }

    /** Removes a site; returns whether it was assigned. */
    public boolean unassignSite(UUID siteId) {
        return siteIds.remove(siteId);
    }

    public Set<UUID> siteIds() {
        return Set.copyOf(siteIds);
    }

    /** Replaces the licensed states; each must be a USPS code of a US state, DC or territory. */
    public void licenseIn(Set<String> states) {
        Set<String> checked = new HashSet<>();
        for (String state : Checks.required("licensedStates", states)) {
            try {
                checked.add(Jurisdiction.checkedUsState(state));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw care.mend.platform.problem.MendException.invalidField("licensedStates",
                        "must be USPS codes of US states, DC or territories");
            }
        }
        licensedStates.clear();
        licensedStates.addAll(checked);
    }

    public Set<String> licensedStates() {
        return Set.copyOf(licensedStates);
    }

    public void activate() {
        this.active = true;
    }

    public void deactivate() {
        this.active = false;
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

    public boolean isActive() {
        return active;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
