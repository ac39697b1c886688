package care.mend.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A session whose attendance nobody has signed: ended ({@code sessionStatus} ENDED, to be signed with attendance)
 * or not held (NOT_HELD, to be signed off as not held with a reason).
 */
public record UnsignedSessionResponse(UUID sessionId, UUID groupId, LocalDate localDate, Instant endsAt,
                                      String sessionStatus) {

    static UnsignedSessionResponse from(care.mend.schedule.GroupSession session) {
        return new UnsignedSessionResponse(session.id(), session.groupId(), session.localDate(), session.endsAt(),
                session.status().name());
    }
}
