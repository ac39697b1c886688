package care.mend.schedule;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.Checks;
import care.mend.program.Enrollment;
import care.mend.program.ZoneIdConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A therapy group of one program: 6 to 12 patients led by one or more facilitators, meeting on a weekly schedule.
 *
 * <p>Invariants, enforced by the verbs below:
 * <ul>
 *   <li>On no day from the admission day on do more patients belong to the group than its capacity
 *       ({@link ProblemCode#GROUP_FULL}); the capacity can't drop below the members on any day from today on
 *       ({@link ProblemCode#CAPACITY_BELOW_MEMBERS}).</li>
 *   <li>A patient is admitted only while enrolled in the group's program ({@link ProblemCode#PATIENT_NOT_ENROLLED})
 *       and at most once at a time ({@link ProblemCode#ALREADY_MEMBER}).</li>
 *   <li>At least one facilitator leads the group ({@link ProblemCode#LAST_FACILITATOR}).</li>
 * </ul>
 * The group does not load its memberships itself (they accumulate over years); the verbs take the memberships that
 * matter from the caller, and the service passes them while holding a write lock on the group's row, so two
 * admissions to one group are decided one after the other.
 */
@Entity
@Table(name = "therapy_group")
public class TherapyGroup {

    public static final int NAME_MAX = 200;
    public static final int MIN_CAPACITY = 6;
    public static final int MAX_CAPACITY = 12;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "program_id", nullable = false, updatable = false)
    private UUID programId;

    @Column(name = "site_id", nullable = false, updatable = false)
    private UUID siteId;

    @Column(name = "capacity", nullable = false)
    private int capacity;

    /** Whether the waiting room lets members in without a facilitator's click. */
    @Column(name = "auto_admit", nullable = false)
    private boolean autoAdmit;

    @Convert(converter = ZoneIdConverter.class)
    @Column(name = "time_zone", nullable = false, length = 64)
    private ZoneId timeZone;

    // Sets, not lists: two eager collections can be fetched together only if at most one is a bag.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "therapy_group_slot", joinColumns = @JoinColumn(name = "group_id", nullable = false))
    private Set<ScheduleSlot> slots = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "group_facilitator", joinColumns = @JoinColumn(name = "group_id", nullable = false))
    @Column(name = "staff_id", nullable = false)
    private Set<UUID> facilitatorIds = new HashSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TherapyGroup() {
        // for JPA
    }

    public TherapyGroup(String name, UUID programId, UUID siteId, int capacity, WeeklySchedule schedule,
                        Collection<UUID> facilitatorIds, Instant createdAt) {
        this.id = UUID.randomUUID();
        rename(name);
        this.programId = Checks.required("programId", programId);
        this.siteId = Checks.required("siteId", siteId);
        this.capacity = Checks.range("capacity", capacity, MIN_CAPACITY, MAX_CAPACITY);
        changeSchedule(schedule);
        Checks.required("facilitatorIds", facilitatorIds);
        if (facilitatorIds.isEmpty() || facilitatorIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw MendException.invalidField("facilitatorIds", "must name at least one facilitator");
        }
        this.facilitatorIds.addAll(facilitatorIds);
        this.createdAt = Checks.required("createdAt", createdAt);
    }

    public void rename(String newName) {
        this.name = Checks.text("name", newName, NAME_MAX);
    }

    public void changeSchedule(WeeklySchedule schedule) {
        Checks.required("schedule", schedule);
        this.timeZone = schedule.zone();
        this.slots.clear();
        this.slots.addAll(schedule.slots());
    }

    public void changeAutoAdmit(boolean newAutoAdmit) {
        this.autoAdmit = newAutoAdmit;
    }

    /**
     * Changes the capacity.
     *
     * @param memberships this group's memberships that are active on {@code today} or later (others are ignored)
     */
    public void changeCapacity(int newCapacity, Collection<Membership> memberships, LocalDate today) {
        Checks.range("capacity", newCapacity, MIN_CAPACITY, MAX_CAPACITY);
        int peak = peakMembersFrom(today, ownOnly(memberships));
        if (peak > newCapacity) {
            throw MendException.rule(ProblemCode.CAPACITY_BELOW_MEMBERS, "Group " + id + " has " + peak
                    + " members on some day from " + today + "; the capacity can't be " + newCapacity);
        }
        this.capacity = newCapacity;
    }

    /**
     * Admits a patient from {@code fromDate} on, with no end.
     *
     * @param enrollment  the patient's ENROLLED enrollment in this group's program, or null if there is none
     * @param memberships this group's memberships that are active on {@code fromDate} or later (others are ignored)
     * @return the new membership, to be stored by the caller
     */
    public Membership admit(UUID patientId, LocalDate fromDate, Enrollment enrollment,
                            Collection<Membership> memberships, Instant now) {
        Checks.required("patientId", patientId);
        Checks.required("fromDate", fromDate);
        if (enrollment == null || !enrollment.patientId().equals(patientId)
                || !enrollment.programId().equals(programId) || !enrollment.isActiveOn(fromDate)) {
            throw MendException.rule(ProblemCode.PATIENT_NOT_ENROLLED, "Patient " + patientId
                    + " is not enrolled in program " + programId + " on " + fromDate);
        }
        List<Membership> relevant = ownOnly(memberships);
        if (relevant.stream().anyMatch(m -> m.patientId().equals(patientId) && m.isActiveOnOrAfter(fromDate))) {
            throw MendException.rule(ProblemCode.ALREADY_MEMBER, "Patient " + patientId
                    + " is already a member of group " + id + " on or after " + fromDate);
        }
        if (peakMembersFrom(fromDate, relevant) + 1 > capacity) {
            throw MendException.rule(ProblemCode.GROUP_FULL, "Group " + id + " is at its capacity of " + capacity
                    + " on some day from " + fromDate);
        }
        return new Membership(id, patientId, fromDate, now);
    }

    public void assignFacilitator(UUID staffId) {
        Checks.required("staffId", staffId);
        if (!facilitatorIds.add(staffId)) {
            throw MendException.rule(ProblemCode.FACILITATOR_ALREADY_ASSIGNED,
                    "Staff member " + staffId + " already facilitates group " + id);
        }
    }

    public void unassignFacilitator(UUID staffId) {
        Checks.required("staffId", staffId);
        if (!facilitatorIds.contains(staffId)) {
            throw MendException.rule(ProblemCode.FACILITATOR_NOT_ASSIGNED,
                    "Staff member " + staffId + " does not facilitate group " + id);
        }
        if (facilitatorIds.size() == 1) {
            throw MendException.rule(ProblemCode.LAST_FACILITATOR,
                    "Staff member " + staffId + " is the only facilitator of group " + id);
        }
        facilitatorIds.remove(staffId);
    }

    /**
     * The most memberships active on any one day from {@code day} on. The count only rises on a day a membership
     * begins, so it suffices to count on {@code day} and on every later start day.
     */
    static int peakMembersFrom(LocalDate day, Collection<Membership> memberships) {
        TreeSet<LocalDate> candidates = new TreeSet<>();
        candidates.add(day);
        memberships.stream().map(Membership::fromDate).filter(d -> d.isAfter(day)).forEach(candidates::add);
        int peak = 0;
        for (LocalDate candidate : candidates) {
            int count = (int) memberships.stream().filter(m -> m.isActiveOn(candidate)).count();
            peak = Math.max(peak, count);
        }
        return peak;
    }

    private List<Membership> ownOnly(Collection<Membership> memberships) {
        Checks.required("memberships", memberships);
        List<Membership> own = new ArrayList<>();
        for (Membership m : memberships) {
            if (!m.groupId().equals(id)) {
                throw new IllegalArgumentException("membership " + m.id() + " is not of group " + id);
            }
            own.add(m);
        }
        return own;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UUID programId() {
        return programId;
    }

    public UUID siteId() {
        return siteId;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isAutoAdmit() {
        return autoAdmit;
    }

    public WeeklySchedule schedule() {
        return new WeeklySchedule(timeZone, List.copyOf(slots));
    }

    public Set<UUID> facilitatorIds() {
        return Collections.unmodifiableSet(facilitatorIds);
    }

    public boolean isFacilitatedBy(UUID staffId) {
        return facilitatorIds.contains(staffId);
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
