package care.mend.schedule;

import java.util.List;

/** @param skipped sessions the schedule called for that already existed (in any status) */
public record GeneratedSessionsResponse(List<GroupSessionResponse> created, int createdCount, int skipped) {

    static GeneratedSessionsResponse from(GroupSessionService.Generated generated) {
        List<GroupSessionResponse> created = generated.created().stream().map(GroupSessionResponse::from).toList();
        return new GeneratedSessionsResponse(created, created.size(), generated.skipped());
    }
}
