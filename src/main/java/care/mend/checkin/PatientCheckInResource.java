package care.mend.checkin;

import care.mend.security.WriteAccess;
import care.mend.security.ReadAccess;
import care.mend.platform.QueryParams;
import care.mend.platform.problem.MendException;
import care.mend.schedule.GroupSession;
import care.mend.schedule.Rosters;
import care.mend.security.AccessPolicy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The patient's own check-in, for the session they are about to join. Thin: the roster (through the access policy)
 * decides who may, {@link CheckIns} and {@link CheckIn} the rest. The check-in and its row of the access log commit
 * together.
 */
@Path("me/check-ins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Check-in", description = "Mood, craving and medication at join, for the facilitator")
public class PatientCheckInResource {

    @Inject
    CheckIns checkIns;

    @Inject
    Rosters rosters;

    @Inject
    AccessPolicy access;

    @GET
    @Transactional
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Operation(summary = "Whether to offer the caller (a patient on the session's roster) the check-in for a session",
            description = "400 without sessionId; 403 for anyone not on the session's roster; the answers themselves"
                    + " are not repeated.")
    public CheckInPromptResponse prompt(@QueryParam("sessionId") String sessionId) {
        UUID id = QueryParams.uuid("sessionId", sessionId);
        if (id == null) {
            throw MendException.invalidField("sessionId", "is required");
        }
        GroupSession session = checkIns.session(id);
        UUID self = access.ownCheckInPatient(rosters.of(session));
        return CheckInPromptResponse.from(checkIns.prompt(session, self));
    }

    @POST
    @Transactional
    @WriteAccess(WriteAccess.Rule.PATIENT)
    @Operation(summary = "Check in for a session before joining it: mood and craving 0-10 (craving only where the"
            + " program asks it), medication today, a one-line note for the facilitator",
            description = "Recorded with the server's time, once: 409 CHECK_IN_EXISTS for a second one (it is never"
                    + " replaced), CHECK_IN_CLOSED outside the session's day or after its end, CHECK_IN_NOT_ASKED"
                    + " when the program asks none; 400 for craving missing where asked or given where not; 403 for"
                    + " anyone not on the session's roster.")
    public Response checkIn(@NotNull @Valid CheckInRequest body) {
        return Response.status(Response.Status.CREATED).entity(record(body)).build();
    }

    /** The check-in itself, after the policy decided and with its row of the log. */
    CheckInResponse record(CheckInRequest body) {
        GroupSession session = checkIns.session(body.sessionId());
        return CheckInResponse.from(access.checkIn(rosters.of(session),
                self -> checkIns.record(session, self, body.answers())));
    }
}
