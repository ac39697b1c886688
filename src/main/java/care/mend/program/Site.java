package care.mend.program;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A clinic location that runs programs. Its time zone is the default for the groups of its programs.
 *
 * <p>Lifecycle: created active; may be deactivated (no new programs, enrollments or groups refer to it) and
 * reactivated. Never deleted.
 */
@Entity
@Table(name = "site")
public class Site {

    public static final int NAME_MAX = 200;
    public static final int CITY_MAX = 100;
    public static final int CRISIS_INSTRUCTIONS_MAX = 1000;

    /** What the safety panel says to do in a crisis when a site has set nothing of its own. */
    public static final String DEFAULT_CRISIS_INSTRUCTIONS =
            "Call or text 988 (Suicide & Crisis Lifeline); in immediate danger call 911";

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "city", nullable = false, length = CITY_MAX)
    private String city;

    @Column(name = "state", nullable = false, length = 2)
    private String state;

    @Convert(converter = ZoneIdConverter.class)
    @Column(name = "time_zone", nullable = false, length = 64)
    private ZoneId timeZone;

    @Column(name = "active", nullable = false)
    private boolean active;

    /** The site's own crisis instructions for the safety panel; null: {@link #DEFAULT_CRISIS_INSTRUCTIONS}. */
    @Column(name = "crisis_instructions", length = CRISIS_INSTRUCTIONS_MAX)
    private String crisisInstructions;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Site() {
        // for JPA
    }

    public Site(String name, String city, String state, ZoneId timeZone, Instant createdAt) {
        this.id = UUID.randomUUID();
        describe(name, city, state);
        changeTimeZone(timeZone);
        this.active = true;
        this.createdAt = Checks.required("createdAt", createdAt);
    }

    /** Renames or relocates the site. */
    public void describe(String newName, String newCity, String newState) {
        String checkedName = Checks.text("name", newName, NAME_MAX);
        String checkedCity = Checks.text("city", newCity, CITY_MAX);
        String checkedState = Checks.usState("state", newState);
        this.name = checkedName;
        this.city = checkedCity;
        this.state = checkedState;
    }

    /** Changes the default zone of future groups; existing groups and sessions keep their own zone. */
    public void changeTimeZone(ZoneId newZone) {
        this.timeZone = Checks.required("timeZone", newZone);
    }

    /**
     * Sets what the safety panel tells a facilitator to do in a crisis (several lines allowed); null or blank goes
     * back to the default for the US.
     */
    public void changeCrisisInstructions(String instructions) {
        this.crisisInstructions = Checks.optionalText("crisisInstructions", instructions, CRISIS_INSTRUCTIONS_MAX);
    }

    /** The site's own instructions, or null for the default. */
    public String ownCrisisInstructions() {
        return crisisInstructions;
    }

    /** What the safety panel shows. */
    public String crisisInstructions() {
        return crisisInstructions == null ? DEFAULT_CRISIS_INSTRUCTIONS : crisisInstructions;
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

    public String name() {
        return name;
    }

    public String city() {
        return city;
    }

    public String state() {
        return state;
    }

    public ZoneId timeZone() {
        return timeZone;
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
