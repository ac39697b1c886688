package care.mend.schedule;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import java.util.Optional;
import java.util.Collection;
import java.util.UUID;

/** Where therapy groups are kept. */
public interface TherapyGroupRepository {

    Optional<TherapyGroup> find(UUID id);

    /**
     * The group, with its row write-locked until the transaction ends. Every change to a group's memberships or
     * capacity goes through this lock, so the capacity rule is decided on an up-to-date member list.
     */
    Optional<TherapyGroup> findForUpdate(UUID id);

    TherapyGroup store(TherapyGroup group);

    /** All filters optional (null: not filtered). */
    default Page<TherapyGroup> list(UUID programId, UUID siteId, UUID facilitatorId, PageRequest page) {
        return list(programId, siteId, facilitatorId, null, page);
    }

    /** The same listing restricted to {@code visible} ids (null: unrestricted; empty: nothing), from the access policy. */
    Page<TherapyGroup> list(UUID programId, UUID siteId, UUID facilitatorId, Collection<UUID> visible,
                            PageRequest page);

    /** The names of the given groups, in one query (a session list shows each session's group). */
    java.util.Map<UUID, String> namesOf(Collection<UUID> ids);
}
