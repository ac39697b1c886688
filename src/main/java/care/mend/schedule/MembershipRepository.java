package care.mend.schedule;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where memberships are kept. */
public interface MembershipRepository {

    Optional<Membership> find(UUID id);

    Membership store(Membership membership);

    /** The group's memberships that are open or end on or after {@code day}: those that matter from that day on. */
    List<Membership> activeOnOrAfter(UUID groupId, LocalDate day);

    /** The patient's open memberships in groups of the program; voided ones are not open. */
    List<Membership> openInProgram(UUID patientId, UUID programId);

    /** @param activeOn only memberships active that day (never a voided one); all, voided included, when null */
    Page<Membership> list(UUID groupId, LocalDate activeOn, PageRequest page);
}
