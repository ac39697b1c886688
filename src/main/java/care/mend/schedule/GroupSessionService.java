package care.mend.schedule;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.problem.MendException;
import care.mend.program.References;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Collection;
import java.util.UUID;

/** Generates a group's sessions from its schedule, cancels sessions, and finds the sessions that were not held. */
@ApplicationScoped
@Transactional
public class GroupSessionService {

    /** The longest range one generation covers, in days (both ends included). */
    public static final int MAX_GENERATION_DAYS = 180;

    /** The most sessions one {@link #markNotHeld} call marks; a caller that gets this many calls again. */
    public static final int NOT_HELD_BATCH = 200;

    private static final System.Logger LOG = System.getLogger(GroupSessionService.class.getName());

    private TherapyGroupRepository groups;
    private GroupSessionRepository sessions;
    private Clock clock;

    protected GroupSessionService() {
        // for CDI proxies
    }

    @Inject
    public GroupSessionService(TherapyGroupRepository groups, GroupSessionRepository sessions, Clock clock) {
        this.groups = groups;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** What a generation did: the sessions it created and how many the schedule called for that already existed. */
    public record Generated(List<GroupSession> created, int skipped) {
    }

    /**
     * Creates the sessions the group's schedule calls for from {@code from} through {@code to}, skipping those that
     * exist (in any status: a cancelled session is not recreated). Generating the same or an overlapping range
     * again creates nothing twice; two concurrent generations are serialised by the group's write lock, and the
     * unique constraint on (group, local date, start time) is the last line.
     */
    public Generated generate(UUID groupId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw MendException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_GENERATION_DAYS) {
            throw MendException.invalidField("to", "the range must be at most " + MAX_GENERATION_DAYS + " days");
        }
        TherapyGroup group = References.require(groups.findForUpdate(groupId), "group", groupId);
        Set<GroupSessionRepository.SlotKey> existing = sessions.keysBetween(groupId, from, to);
        Instant now = clock.instant();
        List<GroupSession> created = new ArrayList<>();
        int skipped = 0;
        for (PlannedSession planned : SessionScheduler.expand(group.schedule(), from, to)) {
            if (existing.contains(new GroupSessionRepository.SlotKey(planned.localDate(), planned.startLocalTime()))) {
                skipped++;
            } else {
                created.add(sessions.store(new GroupSession(groupId, planned, now)));
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: group {0}: {1} sessions created, {2} existed", groupId,
                created.size(), skipped);
        return new Generated(created, skipped);
    }

    public GroupSession cancel(UUID id, String reason) {
        GroupSession session = get(id);
        session.cancel(reason, clock.instant());
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: session {0} cancelled", id);
        return session;
    }

    /**
     * Marks NOT_HELD the sessions still SCHEDULED whose scheduled end plus {@code grace} has passed (at most
     * {@link #NOT_HELD_BATCH}, oldest first): one query for the candidates, then the domain verb on each. Idempotent:
     * a session once marked is no longer a candidate, and cancelled, live and ended sessions never are. A concurrent
     * change of one of them (a cancellation) fails this transaction on the session's version; the next call retries.
     *
     * @return the sessions marked now
     */
    public List<GroupSession> markNotHeld(Duration grace) {
        Instant now = clock.instant();
        List<GroupSession> overdue = sessions.scheduledEndingBefore(GroupSession.notHeldIfEndedBefore(now, grace),
                NOT_HELD_BATCH);
        overdue.forEach(session -> session.markNotHeld(now, grace));
        if (!overdue.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "mend.schedule: {0} sessions not held", overdue.size());
        }
        return overdue;
    }

    public GroupSession get(UUID id) {
        return References.require(sessions.find(id), "session", id);
    }

    public Page<GroupSession> list(UUID groupId, LocalDate from, LocalDate to, GroupSessionStatus status,
                                   PageRequest page) {
        return sessions.list(groupId, from, to, status, page);
    }

    public Page<GroupSession> list(UUID groupId, LocalDate from, LocalDate to, GroupSessionStatus status,
                                   Collection<UUID> visibleGroups, PageRequest page) {
        return sessions.list(groupId, from, to, status, visibleGroups, page);
    }

    /** The names of the sessions' groups, in one query. */
    public java.util.Map<UUID, String> groupNames(Collection<GroupSession> listed) {
        return groups.namesOf(listed.stream().map(GroupSession::groupId).collect(java.util.stream.Collectors.toSet()));
    }

    /** The room of the session opened: its first facilitator came in. */
    public GroupSession markLive(UUID id, java.time.Instant at) {
        GroupSession session = get(id);
        session.goLive(at);
        return session;
    }

    /** The room of the session ended. */
    public GroupSession markEnded(UUID id, java.time.Instant at) {
        GroupSession session = get(id);
        session.end(at);
        return session;
    }
}
