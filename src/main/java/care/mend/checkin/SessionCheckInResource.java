package care.mend.checkin;

import care.mend.security.ReadAccess;
import care.mend.schedule.GroupSession;
import care.mend.security.AccessPolicy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session's round of check-ins, for its facilitator's live roster panel (polled like the sheet). */
@Path("attendance/sessions/{sessionId}/check-ins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-in", description = "Mood, craving and medication at join, for the facilitator")
public class SessionCheckInResource {

    @Inject
    CheckIns checkIns;

    @Inject
    AccessPolicy access;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Operation(summary = "The session's check-ins, flagged by the program's thresholds (the group's facilitators,"
            + " supervisors of its site, admins; one row of the access log per request)")
    public List<CheckInResponse> round(@PathParam("sessionId") UUID sessionId) {
        GroupSession session = checkIns.session(sessionId);
        return access.readCheckIns(session.groupId(), sessionId,
                () -> checkIns.ofSession(sessionId).stream().map(CheckInResponse::from).toList(),
                round -> round.stream().map(CheckInResponse::patientId).toList());
    }
}
