package care.mend.schedule;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.program.Program;
import care.mend.program.ProgramRepository;
import care.mend.program.References;
import care.mend.program.Site;
import care.mend.program.SiteRepository;
import care.mend.program.StaffMemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.Collection;
import java.util.UUID;

/** Creates and changes therapy groups and their facilitators. */
@ApplicationScoped
@Transactional
public class TherapyGroupService {

    private static final System.Logger LOG = System.getLogger(TherapyGroupService.class.getName());

    private TherapyGroupRepository groups;
    private MembershipRepository memberships;
    private ProgramRepository programs;
    private SiteRepository sites;
    private StaffMemberRepository staff;
    private Clock clock;

    protected TherapyGroupService() {
        // for CDI proxies
    }

    @Inject
    public TherapyGroupService(TherapyGroupRepository groups, MembershipRepository memberships,
                               ProgramRepository programs, SiteRepository sites, StaffMemberRepository staff,
                               Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.programs = programs;
        this.sites = sites;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * Creates a group of a program, at the program's site, led by active staff members.
     *
     * @param zone the schedule's zone; the site's zone when null
     */
    public TherapyGroup create(String name, UUID programId, int capacity, boolean autoAdmit, ZoneId zone,
                               List<ScheduleSlot> slots, Set<UUID> facilitatorIds) {
        Program program = References.require(programs.find(programId), "program", programId);
        Site site = References.activeSite(sites.find(program.siteId()), program.siteId());
        facilitatorIds.forEach(id -> References.activeStaff(staff.find(id), id));
        TherapyGroup group = new TherapyGroup(name, programId, site.id(), capacity,
                new WeeklySchedule(zone == null ? site.timeZone() : zone, slots), facilitatorIds, clock.instant());
        group.changeAutoAdmit(autoAdmit);
        groups.store(group);
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: group {0} created in program {1}", group.id(), programId);
        return group;
    }

    /**
     * Changes a group's settings. The capacity is checked against the members on every day from today (in the
     * group's zone) on, under the group's write lock.
     *
     * @param zone the schedule's zone; unchanged when null
     */
    public TherapyGroup update(UUID id, String name, int capacity, boolean autoAdmit, ZoneId zone,
                               List<ScheduleSlot> slots) {
        TherapyGroup group = lockedGroup(id);
        LocalDate today = LocalDate.now(clock.withZone(group.schedule().zone()));
        group.rename(name);
        group.changeSchedule(new WeeklySchedule(zone == null ? group.schedule().zone() : zone, slots));
        group.changeAutoAdmit(autoAdmit);
        if (capacity != group.capacity()) {
            group.changeCapacity(capacity, memberships.activeOnOrAfter(id, today), today);
        }
        return group;
    }

    public TherapyGroup assignFacilitator(UUID groupId, UUID staffId) {
        TherapyGroup group = lockedGroup(groupId);
        References.activeStaff(staff.find(staffId), staffId);
        group.assignFacilitator(staffId);
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: staff {0} assigned to group {1}", staffId, groupId);
        return group;
    }

    public TherapyGroup unassignFacilitator(UUID groupId, UUID staffId) {
        TherapyGroup group = lockedGroup(groupId);
        group.unassignFacilitator(staffId);
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: staff {0} unassigned from group {1}", staffId, groupId);
        return group;
    }

    public TherapyGroup get(UUID id) {
        return References.require(groups.find(id), "group", id);
    }

    public Page<TherapyGroup> list(UUID programId, UUID siteId, UUID facilitatorId, PageRequest page) {
        return groups.list(programId, siteId, facilitatorId, page);
    }

    public Page<TherapyGroup> list(UUID programId, UUID siteId, UUID facilitatorId, Collection<UUID> visible,
                                   PageRequest page) {
        return groups.list(programId, siteId, facilitatorId, visible, page);
    }

    private TherapyGroup lockedGroup(UUID id) {
        return References.require(groups.findForUpdate(id), "group", id);
    }
}
