package care.mend.program;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Where staff members are kept. */
public interface StaffMemberRepository {

    Optional<StaffMember> find(UUID id);

    Optional<StaffMember> findByIdpSubject(String idpSubject);

    StaffMember store(StaffMember staffMember);

    /** Both filters optional (null: not filtered). */
    Page<StaffMember> list(Boolean active, String idpSubject, PageRequest page);
}
