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
 * @param kind           SCHEDULED (from the weekly pattern), ONE_OFF (an extra session of the group) or MAKE_UP
 *                       (for its make-up guests only)
 * @param reason         why a one-off or make-up session exists; null for a scheduled one
 * @param originalStartsAt the start before the session was first moved; null if it never was
 * @param rescheduleReason why it was last moved; null if it never was
 * @param recordedAfterTheFact whether it was recorded after taking place without Mend's room (ENDED, never live)
 */
public record GroupSessionResponse(UUID id, UUID groupId, String groupName, LocalDate localDate,
                                   LocalTime startLocalTime, Instant startsAt, Instant endsAt, String timeZone,
                                   GroupSessionStatus status, String cancellationReason, Instant cancelledAt,
                                   Instant notHeldAt, GroupSessionKind kind, String reason, Instant originalStartsAt,
                                   String rescheduleReason, Instant rescheduledAt, boolean recordedAfterTheFact) {

    public static GroupSessionResponse from(GroupSession s) {
        return from(s, null);
    }

    public static GroupSessionResponse from(GroupSession s, String groupName) {
        return new GroupSessionResponse(s.id(), s.groupId(), groupName, s.localDate(), s.startLocalTime(),
                s.startsAt(), s.endsAt(), s.timeZone().getId(), s.status(), s.cancellationReason(), s.cancelledAt(),
                s.notHeldAt(), s.kind(), s.reason(), s.originalStartsAt(), s.rescheduleReason(), s.rescheduledAt(),
                s.recordedAfterTheFact());
    }
}
