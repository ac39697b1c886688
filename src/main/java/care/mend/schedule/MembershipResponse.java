package care.mend.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * @param voidedAt   when it was voided as entered in error; null unless voided (then it counts on no day)
 * @param voidedBy   the identity-provider subject of whoever voided it
 * @param voidReason why it was an error
 */
public record MembershipResponse(UUID id, UUID groupId, UUID patientId, LocalDate fromDate, LocalDate toDate,
                                 String endReason, Instant endedAt, Instant createdAt, Instant voidedAt,
                                 String voidedBy, String voidReason) {

    public static MembershipResponse from(Membership m) {
        return new MembershipResponse(m.id(), m.groupId(), m.patientId(), m.fromDate(), m.toDate(), m.endReason(),
                m.endedAt(), m.createdAt(), m.voidedAt(), m.voidedBy(), m.voidReason());
    }
}
