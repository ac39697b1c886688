package care.mend.program;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Where sites are kept. */
public interface SiteRepository {

    Optional<Site> find(UUID id);

    /** Makes a new site persistent; changes to a found site are saved with the transaction. */
    Site store(Site site);

    /** @param active only active (true) or inactive (false) sites; all when null */
    Page<Site> list(Boolean active, PageRequest page);

    boolean any();
}
