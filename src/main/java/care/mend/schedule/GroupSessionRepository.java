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

    /** An occurrence of a group's weekly pattern: the local day and the slot's start time. */
    record SlotKey(LocalDate localDate, LocalTime startLocalTime) {
    }

    Optional<GroupSession> find(UUID id);

    GroupSession store(GroupSession session);

    /**
     * The pattern slots from {@code from} through {@code to} that some session of the group (any status) stands for,
     * where it takes place now included: a moved occurrence still holds its slot.
     */
    Set<SlotKey> keysBetween(UUID groupId, LocalDate from, LocalDate to);

    /** The group's sessions still taking place (not cancelled, not found not held) that share time with the span. */
    List<GroupSession> takingPlaceDuring(UUID groupId, Instant from, Instant to);

    /** The session's make-up guests, in the order they were added. */
    List<SessionGuest> guestsOf(UUID sessionId);

    SessionGuest storeGuest(SessionGuest guest);

    /** The session's guests as a page shows them: with the patient's name and the program counted toward. */
    List<SessionGuestResponse> describeGuests(UUID sessionId);

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
    default Page<GroupSession> list(UUID groupId, LocalDate from, LocalDate to, GroupSessionStatus status,
                                    Collection<UUID> visibleGroups, PageRequest page) {
        return list(groupId, from, to, status, visibleGroups, null, page);
    }

    /**
     * The same, where the sessions the patient {@code guest} is a make-up guest of are visible too (null: nobody's);
     * an unrestricted listing ({@code visibleGroups} null) stays unrestricted.
     */
    Page<GroupSession> list(UUID groupId, LocalDate from, LocalDate to, GroupSessionStatus status,
                            Collection<UUID> visibleGroups, UUID guest, PageRequest page);
}
