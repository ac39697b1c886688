package care.mend.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An ended session whose attendance nobody has signed. */
public record UnsignedSessionResponse(UUID sessionId, UUID groupId, LocalDate localDate, Instant endsAt) {
}
