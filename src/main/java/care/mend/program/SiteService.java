package care.mend.program;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/** Creates, changes and lists sites. */
@ApplicationScoped
@Transactional
public class SiteService {

    private static final System.Logger LOG = System.getLogger(SiteService.class.getName());

    private SiteRepository sites;
    private Clock clock;

    protected SiteService() {
        // for CDI proxies
    }

    @Inject
    public SiteService(SiteRepository sites, Clock clock) {
        this.sites = sites;
        this.clock = clock;
    }

    public Site create(String name, String city, String state, ZoneId timeZone) {
        Site site = sites.store(new Site(name, city, state, timeZone, clock.instant()));
        LOG.log(System.Logger.Level.DEBUG, "mend.program: site {0} created", site.id());
        return site;
    }

    public Site update(UUID id, String name, String city, String state, ZoneId timeZone, boolean active) {
        Site site = get(id);
        site.describe(name, city, state);
        site.changeTimeZone(timeZone);
        if (active) {
            site.activate();
        } else {
            site.deactivate();
        }
        return site;
    }

    /** Sets the site's crisis instructions; null or blank: the default. */
    public Site changeCrisisInstructions(UUID id, String instructions) {
        Site site = get(id);
        site.changeCrisisInstructions(instructions);
        return site;
    }

    public Site get(UUID id) {
        return References.require(sites.find(id), "site", id);
    }

    public Page<Site> list(Boolean active, PageRequest page) {
        return sites.list(active, page);
    }

    public boolean anySite() {
        return sites.any();
    }
}
