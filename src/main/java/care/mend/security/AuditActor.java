package care.mend.security;

import java.util.Objects;
import java.util.UUID;

/**
 * Who made an audited request: the caller as the identity provider vouches for them, and the Mend records their
 * subject is linked to (a staff member, a patient, both or neither), looked up once per request.
 */
record AuditActor(CurrentUser user, UUID staffId, UUID patientId) {

    AuditActor {
        Objects.requireNonNull(user, "user");
    }
}
