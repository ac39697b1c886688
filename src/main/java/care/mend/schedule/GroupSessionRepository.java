package care.mend.schedule;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Collection;
import java.util.UUID;

/** Where group sessions are kept. */
public interface GroupSessionRepository {

    /** What identifies a session within its group: the local day and the scheduled start time. */
    record SlotKey(LocalDate localDate, LocalTime startLocalTime) {
    }

    Optional<GroupSession> find(UUID id);

    GroupSession store(GroupSession session);

    /** The keys of the group's sessions (any status) dated from {@code from} through {@code to}. */
    Set<SlotKey> keysBetween(UUID groupId, LocalDate from, LocalDate to);

    /**
     * Up to {@code max} sessions still SCHEDULED whose scheduled end is before {@code endedBefore}, oldest end first:
     * the candidates for NOT_HELD (see {@link GroupSession#notHeldIfEndedBefore}). One indexed query.
     */
    List<GroupSession> scheduledEndingBefore(Instant endedBefore, int max);

    /** All filters optional (null: not filtered); {@code from}/{@code to} bound the local date, inclusive. */
    default Page<GroupSession> list(UUID groupId, LocalDate from, LocalDate to, GroupSessionStatus status,
                                    PageRequest page) {
        return list(groupId, from, to, status, null, page);
    }

    /** The same listing restricted to {@code visible} ids (null: unrestricted; empty: nothing), from the access policy. */
    Page<GroupSession> list(UUID groupId, LocalDate from, LocalDate to, GroupSessionStatus status,
                            Collection<UUID> visibleGroups, PageRequest page);
}
