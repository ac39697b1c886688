package care.mend.schedule;

import care.mend.security.WriteAccess;
import care.mend.security.ReadAccess;
import care.mend.security.AccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("memberships")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships", description = "Patients in groups, end-dated or voided, never deleted")
public class MembershipResource {

    private AccessPolicy access;
    private MembershipService memberships;

    public MembershipResource() {
        // for CDI proxies; RESTEasy also insists on a public constructor it could call itself
    }

    @Inject
    public MembershipResource(MembershipService memberships, AccessPolicy access) {
        this.access = access;
        this.memberships = memberships;
    }

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Path("{id}")
    @Operation(summary = "Get a membership")
    public MembershipResponse get(@PathParam("id") UUID id) {
        Membership membership = memberships.get(id);
        return access.readMembership(membership.id(), membership.patientId(), membership.groupId(),
                () -> MembershipResponse.from(membership));
    }

    @POST
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.MEMBERSHIP)
    @Path("{id}/end")
    @Operation(summary = "End a membership after its last day")
    public MembershipResponse end(@PathParam("id") UUID id, @NotNull @Valid EndMembershipRequest body) {
        access.requireAdmin();
        return MembershipResponse.from(memberships.end(id, body.toDate(), body.reason()));
    }

    @POST
    @Path("{id}/void")
    @Transactional
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.MEMBERSHIP)
    @Operation(summary = "Void a membership entered in error, with the reason; kept, and on no roster on any day",
            description = "Admins. 400 without a reason; 409 MEMBERSHIP_VOIDED when already voided. Unlike ending,"
                    + " the patient is taken off the rosters of past sessions too (and so off their attendance"
                    + " sheets, unless the room admitted them, and out of progress). Recorded in the access log.")
    public MembershipResponse voidEnteredInError(@PathParam("id") UUID id,
                                                 @NotNull @Valid VoidMembershipRequest body) {
        Membership membership = memberships.get(id);
        return access.voidMembership(membership.id(), membership.patientId(), membership.groupId(),
                () -> MembershipResponse.from(memberships.voidEnteredInError(id, body.reason(),
                        access.user().subject())));
    }
}
