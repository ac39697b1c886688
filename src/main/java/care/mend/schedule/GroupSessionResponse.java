package care.mend.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * @param groupName      the group's name, in lists (so that a page lists today's sessions with one request); absent
 *                       where the caller already has the group
 * @param startLocalTime the scheduled wall-clock time; {@code startsAt} is the real start (they differ only for a
 *                       time that does not exist that day, in a spring-forward gap)
 * @param notHeldAt      when the server found that the session had not been held (status NOT_HELD); else null
 */
public record GroupSessionResponse(UUID id, UUID groupId, String groupName, LocalDate localDate,
                                   LocalTime startLocalTime, Instant startsAt, Instant endsAt, String timeZone,
                                   GroupSessionStatus status, String cancellationReason, Instant cancelledAt,
                                   Instant notHeldAt) {

    public static GroupSessionResponse from(GroupSession s) {
        return from(s, null);
    }

    public static GroupSessionResponse from(GroupSession s, String groupName) {
        return new GroupSessionResponse(s.id(), s.groupId(), groupName, s.localDate(), s.startLocalTime(),
                s.startsAt(), s.endsAt(), s.timeZone().getId(), s.status(), s.cancellationReason(), s.cancelledAt(),
                s.notHeldAt());
    }
}
