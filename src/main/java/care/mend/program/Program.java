package care.mend.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * An Intensive Outpatient Program run at one site. Its kind and site are fixed at creation (enrollments and groups
 * depend on them); its name and plan may change, and a changed plan applies to attendance from then on.
 */
@Entity
@Table(name = "program")
public class Program {

    public static final int NAME_MAX = 200;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "site_id", nullable = false, updatable = false)
    private UUID siteId;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 32)
    private ProgramKind kind;

    @Embedded
    private ProgramPlan plan;

    @Embedded
    private AttendanceThresholds attendanceThresholds;

    @Embedded
    private CheckInPlan checkInPlan;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Program() {
        // for JPA
    }

    public Program(UUID siteId, String name, ProgramKind kind, ProgramPlan plan, Instant createdAt) {
        this.attendanceThresholds = AttendanceThresholds.DEFAULT;
        this.id = UUID.randomUUID();
        this.siteId = Checks.required("siteId", siteId);
        rename(name);
        this.kind = Checks.required("kind", kind);
        this.checkInPlan = CheckInPlan.defaultFor(kind);
        changePlan(plan);
        this.createdAt = Checks.required("createdAt", createdAt);
    }

    public void rename(String newName) {
        this.name = Checks.text("name", newName, NAME_MAX);
    }

    public void changePlan(ProgramPlan newPlan) {
        this.plan = Checks.required("plan", newPlan);
    }

    public UUID id() {
        return id;
    }

    public UUID siteId() {
        return siteId;
    }

    public String name() {
        return name;
    }

    public ProgramKind kind() {
        return kind;
    }

    /** Changes the attendance thresholds; signed sessions keep the figures they were signed with. */
    public void changeAttendanceThresholds(AttendanceThresholds thresholds) {
        this.attendanceThresholds = Checks.required("attendanceThresholds", thresholds);
    }

    public AttendanceThresholds attendanceThresholds() {
        return attendanceThresholds == null ? AttendanceThresholds.DEFAULT : attendanceThresholds;
    }

    /** Changes how patients check in; check-ins already made keep the thresholds they were flagged by. */
    public void changeCheckInPlan(CheckInPlan plan) {
        this.checkInPlan = Checks.required("checkInPlan", plan);
    }

    public CheckInPlan checkInPlan() {
        return checkInPlan == null ? CheckInPlan.defaultFor(kind) : checkInPlan;
    }

    public ProgramPlan plan() {
        return plan;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
