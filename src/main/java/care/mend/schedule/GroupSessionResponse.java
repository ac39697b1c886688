package care.mend.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * @param startLocalTime the scheduled wall-clock time; {@code startsAt} is the real start (they differ only for a
 *                       time that does not exist that day, in a spring-forward gap)
 */
public record GroupSessionResponse(UUID id, UUID groupId, LocalDate localDate, LocalTime startLocalTime,
                                   Instant startsAt, Instant endsAt, String timeZone, GroupSessionStatus status,
                                   String cancellationReason, Instant cancelledAt) {

    public static GroupSessionResponse from(GroupSession s) {
        return new GroupSessionResponse(s.id(), s.groupId(), s.localDate(), s.startLocalTime(), s.startsAt(),
                s.endsAt(), s.timeZone().getId(), s.status(), s.cancellationReason(), s.cancelledAt());
    }
}
