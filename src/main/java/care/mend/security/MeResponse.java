package care.mend.security;

import java.util.List;
import java.util.UUID;

/**
 * Who the caller is to Mend: their roles and the staff or patient record their identity is linked to (by
 * subject). Pages use it to choose what to show.
 *
 * @param staffId    the caller's staff record, if any
 * @param patientId  the caller's patient record, if any
 * @param chosenName a patient's name in the group (which they may change before joining); null for staff
 */
public record MeResponse(String subject, List<String> roles, String displayName, UUID staffId, UUID patientId,
        String chosenName) {
}
