package care.mend.checkin;

import care.mend.security.ReadAccess;
import care.mend.security.AccessPolicy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One patient's mood and craving over their sessions, for the trend chart of the facilitator's and supervisor's. */
@Path("attendance/patients/{patientId}/check-ins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-in", description = "Mood, craving and medication at join, for the facilitator")
public class PatientCheckInTrendResource {

    @Inject
    CheckIns checkIns;

    @Inject
    AccessPolicy access;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Operation(summary = "A patient's check-ins over the sessions of the groups the caller sees, oldest first (the"
            + " latest 60; staff who may see the patient; one row of the access log per request)")
    public CheckInTrendResponse trend(@PathParam("patientId") UUID patientId) {
        return access.readCheckInTrend(patientId, () -> CheckInTrendResponse.from(patientId,
                checkIns.trendOf(patientId, access.visibleGroups().orElse(null))));
    }
}
