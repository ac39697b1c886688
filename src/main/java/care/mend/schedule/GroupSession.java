package care.mend.schedule;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.Checks;
import care.mend.program.ZoneIdConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One dated meeting of a group.
 *
 * <p>Lifecycle: SCHEDULED, then LIVE when the room opens, then ENDED; or CANCELLED from SCHEDULED with a reason;
 * or NOT_HELD from SCHEDULED once its scheduled end plus a grace has passed without the room ever going live (a room
 * can't open after the scheduled end, so such a session can never be held). A cancelled or not-held session stays
 * on record (attendance and reports show it). A group has at most one session per (local date, scheduled start
 * time): {@code unique (group_id, local_date, start_local_time)}.
 */
@Entity
@Table(name = "group_session")
public class GroupSession {

    public static final int REASON_MAX = 500;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "group_id", nullable = false, updatable = false)
    private UUID groupId;

    @Column(name = "local_date", nullable = false, updatable = false)
    private LocalDate localDate;

    /** The slot's scheduled wall-clock time (the identity of the session within its day); see PlannedSession. */
    @Column(name = "start_local_time", nullable = false, updatable = false)
    private LocalTime startLocalTime;

    @Column(name = "starts_at", nullable = false, updatable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false, updatable = false)
    private Instant endsAt;

    @Convert(converter = ZoneIdConverter.class)
    @Column(name = "time_zone", nullable = false, updatable = false, length = 64)
    private ZoneId timeZone;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private GroupSessionStatus status;

    @Column(name = "cancellation_reason", length = REASON_MAX)
    private String cancellationReason;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "live_at")
    private Instant liveAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "not_held_at")
    private Instant notHeldAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected GroupSession() {
        // for JPA
    }

    public GroupSession(UUID groupId, PlannedSession planned, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.groupId = Checks.required("groupId", groupId);
        Checks.required("planned", planned);
        if (!planned.endsAt().isAfter(planned.startsAt())) {
            throw new IllegalArgumentException("a session must end after it starts");
        }
        this.localDate = planned.localDate();
        this.startLocalTime = planned.startLocalTime();
        this.startsAt = planned.startsAt();
        this.endsAt = planned.endsAt();
        this.timeZone = planned.zone();
        this.status = GroupSessionStatus.SCHEDULED;
        this.createdAt = Checks.required("createdAt", createdAt);
    }

    /** Cancels a scheduled session; the record stays. */
    public void cancel(String reason, Instant now) {
        String checkedReason = Checks.text("reason", reason, REASON_MAX);
        Checks.required("now", now);
        if (status != GroupSessionStatus.SCHEDULED) {
            throw MendException.rule(ProblemCode.SESSION_NOT_CANCELLABLE,
                    "Session " + id + " is " + status + ", not SCHEDULED");
        }
        this.status = GroupSessionStatus.CANCELLED;
        this.cancellationReason = checkedReason;
        this.cancelledAt = now;
    }

    /** The room opened. */
    public void goLive(Instant now) {
        transition(GroupSessionStatus.SCHEDULED, GroupSessionStatus.LIVE);
        this.liveAt = Checks.required("now", now);
    }

    /** The room closed. */
    public void end(Instant now) {
        transition(GroupSessionStatus.LIVE, GroupSessionStatus.ENDED);
        this.endedAt = Checks.required("now", now);
    }

    /**
     * The instant before which a session must have been scheduled to end, at {@code now}, to be not held: a
     * SCHEDULED session ending before it is overdue. The one statement of the rule; the repository's query for
     * candidates uses it too.
     */
    public static Instant notHeldIfEndedBefore(Instant now, Duration grace) {
        Checks.required("now", now);
        Checks.required("grace", grace);
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace must not be negative");
        }
        return now.minus(grace);
    }

    /** Whether, at {@code now}, the session is still SCHEDULED although its scheduled end plus the grace has passed. */
    public boolean isOverdue(Instant now, Duration grace) {
        return status == GroupSessionStatus.SCHEDULED && endsAt.isBefore(notHeldIfEndedBefore(now, grace));
    }

    /**
     * The session did not take place: it is still SCHEDULED (never went live, not cancelled) and its scheduled end
     * plus {@code grace} has passed. Nobody attended it; its attendance is signed off as not held, with a reason.
     */
    public void markNotHeld(Instant now, Duration grace) {
        if (status != GroupSessionStatus.SCHEDULED) {
            throw MendException.rule(ProblemCode.INVALID_STATUS_TRANSITION,
                    "Session " + id + " can't change from " + status + " to " + GroupSessionStatus.NOT_HELD);
        }
        if (!isOverdue(now, grace)) {
            throw MendException.rule(ProblemCode.INVALID_STATUS_TRANSITION,
                    "Session " + id + " is not over yet: it can't be not held");
        }
        this.status = GroupSessionStatus.NOT_HELD;
        this.notHeldAt = now;
    }

    private void transition(GroupSessionStatus expected, GroupSessionStatus next) {
        if (status != expected) {
            throw MendException.rule(ProblemCode.INVALID_STATUS_TRANSITION,
                    "Session " + id + " can't change from " + status + " to " + next);
        }
        this.status = next;
    }

    public UUID id() {
        return id;
    }

    public UUID groupId() {
        return groupId;
    }

    public LocalDate localDate() {
        return localDate;
    }

    public LocalTime startLocalTime() {
        return startLocalTime;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public GroupSessionStatus status() {
        return status;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Instant liveAt() {
        return liveAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    /** When the server found that the session had not been held; null unless NOT_HELD. */
    public Instant notHeldAt() {
        return notHeldAt;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
