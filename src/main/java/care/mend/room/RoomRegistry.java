package care.mend.room;

import care.mend.media.MediaServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The live rooms, one per group session, and the way in: what the signaling endpoint calls.
 *
 * <p>A room is created atomically by the first join ({@link ConcurrentHashMap#computeIfAbsent}): two simultaneous
 * joins of one session never make two rooms, and the room makes its media pipeline once, lazily. Nothing else
 * creates a room: {@link #leave}, {@link #connectionLost} and every other command on a session without a room do
 * nothing (leave, connection loss) or fail with {@link RoomErrorCode#ROOM_NOT_OPEN}. A room leaves the registry only
 * from inside its own serialised step, once it has ended and is empty; the session is then remembered as ended for
 * {@code endedRetention}, so a late join cannot bring it back.
 *
 * <p>Thread-safe; never blocks. Rooms are keyed by session id, participants by room: the same person in two rooms is
 * two participants.
 */
public final class RoomRegistry {

    private static final System.Logger LOG = System.getLogger(RoomRegistry.class.getName());
    private static final Duration ENDED_RETENTION = Duration.ofHours(24);

    private final RoomConfig config;
    private final RoomRuntime runtime;
    private final MediaServer mediaServer;
    private final RoomOutlets outlets;
    private final RoomMetrics metrics;
    private final ConcurrentMap<UUID, Room> rooms = new ConcurrentHashMap<>();
    /** Sessions whose room ended, with when: they cannot be joined again. */
    private final ConcurrentMap<UUID, Instant> ended = new ConcurrentHashMap<>();

    public RoomRegistry(RoomConfig config, RoomRuntime runtime, MediaServer mediaServer, RoomOutlets outlets) {
        this(config, runtime, mediaServer, outlets, RoomMetrics.NONE);
    }

    /** @param metrics told of accepted joins and resumes (counts only), on the thread that completes them */
    public RoomRegistry(RoomConfig config, RoomRuntime runtime, MediaServer mediaServer, RoomOutlets outlets,
            RoomMetrics metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.mediaServer = Objects.requireNonNull(mediaServer, "mediaServer");
        this.outlets = Objects.requireNonNull(outlets, "outlets");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Joins the session's room as {@code subject}, creating the room if this is the first join. The caller (signaling,
     * after checking the ticket) read the plan just before: session times, the group's facilitators, the patients
     * allowed in and {@code autoAdmit}. A refusal creates no room.
     *
     * <p>The plan's roster is asked once, here ({@link RoomPlan#roleOf}), before any room exists: someone not on it
     * creates no room, and the room seats by the role found.
     *
     * @return the caller's participant, resume token and view of the room; fails with a {@link RoomException}
     */
    public CompletionStage<RoomEntry> join(RoomPlan plan, String subject) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(subject, "subject");
        Room room;
        RoomRole role;
        try {
            role = plan.roleOf(subject);
            room = rooms.computeIfAbsent(plan.sessionId(), id -> create(plan));
        } catch (RoomException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return room.join(plan, subject, role).whenComplete((entry, failure) -> {
            if (failure == null) {
                metrics.joined(role);
            }
        });
    }

    /** Runs the checks that need no room before creating one, so that a refused join leaves nothing behind. */
    private Room create(RoomPlan plan) {
        Instant now = runtime.clock().instant();
        if (ended.containsKey(plan.sessionId()) || !now.isBefore(plan.endsAt())) {
            throw new RoomException(RoomErrorCode.SESSION_ENDED);
        }
        plan.checkNotTooEarly(now, config.openLead());
        forgetOldEndedSessions(now);
        LOG.log(System.Logger.Level.INFO, "MEND-ROOM a room opened");
        return new Room(plan, config, runtime, mediaServer, outlets, this::retire);
    }

    /**
     * Takes back a dropped participant with its single-use token; the subject must be the one that joined. Fails
     * with {@link RoomErrorCode#RESUME_TOKEN_INVALID} for an unknown, used, expired or foreign token, and with
     * {@link RoomErrorCode#SESSION_ENDED} once the session is over.
     */
    public CompletionStage<RoomEntry> resume(UUID sessionId, String subject, ResumeToken token) {
        Room room = rooms.get(sessionId);
        if (room == null) {
            return RoomException.failed(ended.containsKey(sessionId)
                    ? RoomErrorCode.SESSION_ENDED : RoomErrorCode.RESUME_TOKEN_INVALID);
        }
        return room.resume(subject, token).whenComplete((entry, failure) -> {
            if (failure == null) {
                metrics.resumed();
            }
        });
    }

    /** The participant leaves. Idempotent; does nothing (and creates nothing) if there is no such room or participant. */
    public CompletionStage<Void> leave(UUID sessionId, ParticipantId participant) {
        Room room = rooms.get(sessionId);
        return room == null ? CompletableFuture.completedFuture(null) : room.leave(participant);
    }

    /** The transport lost the participant's connection. Does nothing for an unknown room or participant. */
    public CompletionStage<Void> connectionLost(UUID sessionId, ParticipantId participant) {
        return connectionLost(sessionId, participant, null);
    }

    /** As {@link #connectionLost(UUID, ParticipantId)}, with when the connection went silent (null: now). */
    public CompletionStage<Void> connectionLost(UUID sessionId, ParticipantId participant, java.time.Instant since) {
        Room room = rooms.get(sessionId);
        return room == null ? CompletableFuture.completedFuture(null) : room.connectionLost(participant, since);
    }


    /**
     * Runs a command on the session's live room: {@code registry.inRoom(id, room -> room.raiseHand(me))}. Fails with
     * {@link RoomErrorCode#ROOM_NOT_OPEN} if there is none ({@link RoomErrorCode#SESSION_ENDED} if it ended).
     */
    public <T> CompletionStage<T> inRoom(UUID sessionId, Function<Room, CompletionStage<T>> command) {
        Room room = rooms.get(sessionId);
        if (room == null) {
            return RoomException.failed(ended.containsKey(sessionId)
                    ? RoomErrorCode.SESSION_ENDED : RoomErrorCode.ROOM_NOT_OPEN);
        }
        return command.apply(room);
    }

    public Optional<Room> find(UUID sessionId) {
        return Optional.ofNullable(rooms.get(sessionId));
    }

    /** How many rooms are live. */
    public int size() {
        return rooms.size();
    }

    /** Participants of every live room by state, each room as of its last step. */
    public RoomCensus census() {
        RoomCensus total = RoomCensus.EMPTY;
        for (Room room : rooms.values()) {
            total = total.plus(room.census());
        }
        return total;
    }

    public boolean hasEnded(UUID sessionId) {
        return ended.containsKey(sessionId);
    }

    /** Called by an ended, empty room from inside its own step: the ended mark first, so no join slips between. */
    private void retire(Room room) {
        ended.put(room.sessionId(), runtime.clock().instant());
        rooms.remove(room.sessionId(), room);
    }

    private void forgetOldEndedSessions(Instant now) {
        Instant cutoff = now.minus(ENDED_RETENTION);
        ended.values().removeIf(at -> at.isBefore(cutoff));
    }
}
