package care.mend.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record GroupResponse(UUID id, String name, UUID programId, UUID siteId, int capacity, boolean autoAdmit,
                            ScheduleBody schedule, List<UUID> facilitatorIds, Instant createdAt) {

    public static GroupResponse from(TherapyGroup group) {
        return new GroupResponse(group.id(), group.name(), group.programId(), group.siteId(), group.capacity(),
                group.isAutoAdmit(), ScheduleBody.from(group.schedule()),
                group.facilitatorIds().stream().sorted().toList(), group.createdAt());
    }
}
