package care.mend.program;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Registers and changes staff members. */
@ApplicationScoped
@Transactional
public class StaffService {

    private static final System.Logger LOG = System.getLogger(StaffService.class.getName());

    private StaffMemberRepository staff;
    private SiteRepository sites;
    private Clock clock;

    protected StaffService() {
        // for CDI proxies
    }

    @Inject
    public StaffService(StaffMemberRepository staff, SiteRepository sites, Clock clock) {
        this.sites = sites;
        this.staff = staff;
        this.clock = clock;
    }

    public StaffMember register(String idpSubject, String displayName) {
        StaffMember member = new StaffMember(idpSubject, displayName, clock.instant());
        if (staff.findByIdpSubject(member.idpSubject()).isPresent()) {
            throw MendException.rule(ProblemCode.DUPLICATE_SUBJECT,
                    "A staff member is already linked to that subject");
        }
        staff.store(member);
        LOG.log(System.Logger.Level.DEBUG, "mend.program: staff member {0} registered", member.id());
        return member;
    }

    public StaffMember update(UUID id, String displayName, boolean active) {
        StaffMember member = get(id);
        member.rename(displayName);
        if (active) {
            member.activate();
        } else {
            member.deactivate();
        }
        return member;
    }

    /** Records that the staff member works at an active site (a supervisor's reach). */
    public StaffMember assignSite(UUID id, UUID siteId) {
        StaffMember member = get(id);
        References.activeSite(sites.find(siteId), siteId);
        member.assignSite(siteId);
        return member;
    }

    public StaffMember unassignSite(UUID id, UUID siteId) {
        StaffMember member = get(id);
        if (!member.unassignSite(siteId)) {
            throw MendException.notFound("site assignment", siteId);
        }
        return member;
    }

    /** Replaces the US states, DC or territories the staff member is licensed in. */
    public StaffMember licenseIn(UUID id, java.util.Set<String> states) {
        StaffMember member = get(id);
        member.licenseIn(states);
        LOG.log(System.Logger.Level.DEBUG, "mend.program: staff member {0} licensed states changed", member.id());
        return member;
    }

    public StaffMember get(UUID id) {
        return References.require(staff.find(id), "staff member", id);
    }

    public Page<StaffMember> list(Boolean active, String idpSubject, PageRequest page) {
        return staff.list(active, idpSubject, page);
    }
}
