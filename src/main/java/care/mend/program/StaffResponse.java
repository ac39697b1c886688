package care.mend.program;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

public record StaffResponse(UUID id, String idpSubject, String displayName, boolean active, Set<UUID> siteIds,
                            Set<String> licensedStates, Instant createdAt) {

    public static StaffResponse from(StaffMember member) {
        return new StaffResponse(member.id(), member.idpSubject(), member.displayName(), member.isActive(),
                new TreeSet<>(member.siteIds()), new TreeSet<>(member.licensedStates()), member.createdAt());
    }
}
