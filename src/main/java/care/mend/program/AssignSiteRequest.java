package care.mend.program;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /api/staff/{id}/sites}. */
public record AssignSiteRequest(@NotNull UUID siteId) {
}
