package care.mend.program;

import java.time.Instant;
import java.util.UUID;

public record SiteResponse(UUID id, String name, String city, String state, String timeZone, boolean active,
                           Instant createdAt, String crisisInstructions, boolean defaultCrisisInstructions) {

    public static SiteResponse from(Site site) {
        return new SiteResponse(site.id(), site.name(), site.city(), site.state(), site.timeZone().getId(),
                site.isActive(), site.createdAt(), site.crisisInstructions(), site.ownCrisisInstructions() == null);
    }
}
