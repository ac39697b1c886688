package care.mend.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record MembershipResponse(UUID id, UUID groupId, UUID patientId, LocalDate fromDate, LocalDate toDate,
                                 String endReason, Instant endedAt, Instant createdAt) {

    public static MembershipResponse from(Membership m) {
        return new MembershipResponse(m.id(), m.groupId(), m.patientId(), m.fromDate(), m.toDate(), m.endReason(),
                m.endedAt(), m.createdAt());
    }
}
