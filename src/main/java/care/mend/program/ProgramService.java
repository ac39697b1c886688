package care.mend.program;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Creates and changes programs. */
@ApplicationScoped
@Transactional
public class ProgramService {

    private static final System.Logger LOG = System.getLogger(ProgramService.class.getName());

    private ProgramRepository programs;
    private SiteRepository sites;
    private Clock clock;

    protected ProgramService() {
        // for CDI proxies
    }

    @Inject
    public ProgramService(ProgramRepository programs, SiteRepository sites, Clock clock) {
        this.programs = programs;
        this.sites = sites;
        this.clock = clock;
    }

    /** Creates a program at an active site. */
    public Program create(UUID siteId, String name, ProgramKind kind, ProgramPlan plan) {
        References.activeSite(sites.find(siteId), siteId);
        Program program = programs.store(new Program(siteId, name, kind, plan, clock.instant()));
        LOG.log(System.Logger.Level.DEBUG, "mend.program: program {0} created at site {1}", program.id(), siteId);
        return program;
    }

    public Program update(UUID id, String name, ProgramPlan plan, AttendanceThresholds thresholds) {
        Program program = update(id, name, plan);
        program.changeAttendanceThresholds(thresholds);
        return program;
    }

    /** Changes the name, the plan, the attendance thresholds and how patients check in, at once. */
    public Program update(UUID id, String name, ProgramPlan plan, AttendanceThresholds thresholds,
                          CheckInPlan checkIn) {
        Program program = update(id, name, plan, thresholds);
        program.changeCheckInPlan(checkIn);
        return program;
    }

    public Program update(UUID id, String name, ProgramPlan plan) {
        Program program = get(id);
        program.rename(name);
        program.changePlan(plan);
        return program;
    }

    public Program get(UUID id) {
        return References.require(programs.find(id), "program", id);
    }

    public Page<Program> list(UUID siteId, ProgramKind kind, PageRequest page) {
        return programs.list(siteId, kind, page);
    }
}
