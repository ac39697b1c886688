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
import java.util.Optional;
import java.util.UUID;

/**
 * One dated meeting of a group.
 *
 * <p>Lifecycle: SCHEDULED, then LIVE when the room opens, then ENDED; or CANCELLED from SCHEDULED with a reason;
 * or NOT_HELD from SCHEDULED once its scheduled end plus a grace has passed without the room ever going live (a room
 * can't open after the scheduled end, so such a session can never be held). A cancelled or not-held session stays
 * on record (attendance and reports show it).
 *
 * <p>What it is ({@link GroupSessionKind}): an occurrence of the weekly pattern, which stands for its pattern slot
 * ({@link #patternSlot}) for good, or an extra one-off or make-up session with the reason it exists. A group has at
 * most one session per pattern slot: {@code unique (group_id, slot_date, slot_start_time)}; that is what generation
 * skips by. Before it has started, a session may be moved ({@link #reschedule}): it keeps its id and its pattern slot
 * and records its first start; its local date and time then say when it takes place. A session that happened
 * without Mend's room is recorded afterwards ({@link #recordHeldElsewhere}): ENDED without ever being live, so its
 * attendance is signed off like any other. Overlap between sessions of a group is refused by the service, which
 * sees the group's other sessions ({@link #overlaps}).
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

    @Column(name = "local_date", nullable = false)
    private LocalDate localDate;

    /** The wall-clock time asked for (the slot's, or the one-off's); see PlannedSession. */
    @Column(name = "start_local_time", nullable = false)
    private LocalTime startLocalTime;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 16)
    private GroupSessionKind kind;

    /** The pattern occurrence this session stands for (SCHEDULED only), kept when it moves. */
    @Column(name = "slot_date", updatable = false)
    private LocalDate slotDate;

    @Column(name = "slot_start_time", updatable = false)
    private LocalTime slotStartTime;

    /** Why a one-off or make-up session exists (or a session was recorded after it happened). */
    @Column(name = "reason", length = REASON_MAX)
    private String reason;

    @Column(name = "original_starts_at")
    private Instant originalStartsAt;

    @Column(name = "reschedule_reason", length = REASON_MAX)
    private String rescheduleReason;

    @Column(name = "rescheduled_at")
    private Instant rescheduledAt;

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

    /** An occurrence of the weekly pattern, standing for its slot. */
    public GroupSession(UUID groupId, PlannedSession planned, Instant createdAt) {
        this(groupId, planned, GroupSessionKind.SCHEDULED, null, createdAt);
    }

    /**
     * A session of any kind: SCHEDULED ones stand for the planned slot and need no reason; one-off and make-up ones
     * stand for none and need the reason they exist.
     */
    public GroupSession(UUID groupId, PlannedSession planned, GroupSessionKind kind, String reason,
                        Instant createdAt) {
        this.id = UUID.randomUUID();
        this.groupId = Checks.required("groupId", groupId);
        Checks.required("planned", planned);
        this.kind = Checks.required("kind", kind);
        place(planned);
        this.timeZone = planned.zone();
        if (kind == GroupSessionKind.SCHEDULED) {
            this.slotDate = planned.localDate();
            this.slotStartTime = planned.startLocalTime();
            this.reason = Checks.optionalText("reason", reason, REASON_MAX);
        } else {
            this.reason = Checks.text("reason", reason, REASON_MAX);
        }
        this.status = GroupSessionStatus.SCHEDULED;
        this.createdAt = Checks.required("createdAt", createdAt);
    }

    private void place(PlannedSession planned) {
        if (!planned.endsAt().isAfter(planned.startsAt())) {
            throw new IllegalArgumentException("a session must end after it starts");
        }
        this.localDate = planned.localDate();
        this.startLocalTime = planned.startLocalTime();
        this.startsAt = planned.startsAt();
        this.endsAt = planned.endsAt();
    }

    /**
     * Moves a session that has not started: it keeps its id, kind, pattern slot, guests and everything recorded
     * about it, and remembers its first start ({@link #originalStartsAt}: the start before the first move, however
     * often it moves). The new time must not be in the past ({@code SESSION_IN_THE_PAST}); the service checks the
     * group's other sessions for overlap first.
     */
    public void reschedule(PlannedSession moved, String why, Instant now) {
        Checks.required("moved", moved);
        String checkedReason = Checks.text("reason", why, REASON_MAX);
        requireReschedulable(now);
        if (!moved.zone().equals(timeZone)) {
            throw new IllegalArgumentException("a session stays in its group's zone");
        }
        if (moved.startsAt().isBefore(now)) {
            throw MendException.rule(ProblemCode.SESSION_IN_THE_PAST, "A session can't be moved into the past");
        }
        if (originalStartsAt == null) {
            this.originalStartsAt = startsAt;
        }
        place(moved);
        this.rescheduleReason = checkedReason;
        this.rescheduledAt = now;
    }

    /** Refuses ({@code SESSION_NOT_RESCHEDULABLE}) unless the session is SCHEDULED and its start has not come. */
    public void requireReschedulable(Instant now) {
        if (status != GroupSessionStatus.SCHEDULED || !startsAt.isAfter(now)) {
            throw MendException.rule(ProblemCode.SESSION_NOT_RESCHEDULABLE,
                    "Session " + id + " is " + status + (status == GroupSessionStatus.SCHEDULED ? " and has started"
                            : "") + ": only a scheduled session that has not started can be moved");
        }
    }

    /**
     * Records a session that took place without Mend's room (a video outage, a session in the clinic): it goes from
     * SCHEDULED straight to ENDED, never live, ended at its scheduled end, so that its attendance is signed off (the
     * sign-off needs an ENDED, unsigned session) and corrected line by line with amendments. Only once its scheduled
     * end has passed.
     */
    public void recordHeldElsewhere(Instant now) {
        Checks.required("now", now);
        if (endsAt.isAfter(now)) {
            throw MendException.invalidField("alreadyHappened", "the session must have ended to be recorded as held");
        }
        transition(GroupSessionStatus.SCHEDULED, GroupSessionStatus.ENDED);
        this.endedAt = endsAt;
    }

    /** Whether the two sessions share any instant (a session ending when the other starts does not). */
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return startsAt.isBefore(otherEnd) && otherStart.isBefore(endsAt);
    }

    /** Whether the session still takes (or took) place: not cancelled, and not found not held. */
    public boolean takesPlace() {
        return status != GroupSessionStatus.CANCELLED && status != GroupSessionStatus.NOT_HELD;
    }

    /** Whether the group's members are on this session's roster: yes, except at a make-up session (guests only). */
    public boolean rostersMembers() {
        return kind != GroupSessionKind.MAKE_UP;
    }

    /** The pattern slot this session stands for, kept when it moves; empty for one-off and make-up sessions. */
    public Optional<GroupSessionRepository.SlotKey> patternSlot() {
        return slotDate == null ? Optional.empty()
                : Optional.of(new GroupSessionRepository.SlotKey(slotDate, slotStartTime));
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

    public GroupSessionKind kind() {
        return kind;
    }

    /** Why the session exists; null for an occurrence of the pattern. */
    public String reason() {
        return reason;
    }

    /** The start before the session was first moved; null if it never was. */
    public Instant originalStartsAt() {
        return originalStartsAt;
    }

    public String rescheduleReason() {
        return rescheduleReason;
    }

    public Instant rescheduledAt() {
        return rescheduledAt;
    }

    /** Whether the session was recorded after it took place without Mend's room (ENDED, never live). */
    public boolean recordedAfterTheFact() {
        return status == GroupSessionStatus.ENDED && liveAt == null;
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
