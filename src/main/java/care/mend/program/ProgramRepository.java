package care.mend.program;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Where programs are kept. */
public interface ProgramRepository {

    Optional<Program> find(UUID id);

    Program store(Program program);

    /** Both filters optional (null: not filtered). */
    Page<Program> list(UUID siteId, ProgramKind kind, PageRequest page);
}
