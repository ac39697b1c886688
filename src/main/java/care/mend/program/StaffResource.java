package care.mend.program;

import care.mend.security.WriteAccess;
import care.mend.security.ReadAccess;
import care.mend.platform.QueryParams;
import care.mend.security.AccessPolicy;
import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("staff")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "Facilitators, supervisors and administrators")
public class StaffResource {

    private AccessPolicy access;
    private StaffService staff;

    public StaffResource() {
        // for CDI proxies; RESTEasy also insists on a public constructor it could call itself
    }

    @Inject
    public StaffResource(StaffService staff, AccessPolicy access) {
        this.access = access;
        this.staff = staff;
    }

    @POST
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Operation(summary = "Register a staff member linked to an identity-provider subject")
    public Response create(@NotNull @Valid CreateStaffRequest body, @Context UriInfo uri) {
        access.requireAdmin();
        StaffMember member = staff.register(body.idpSubject(), body.displayName());
        return Response.created(uri.getAbsolutePathBuilder().path(member.id().toString()).build())
                .entity(StaffResponse.from(member)).build();
    }

    @GET
    @ReadAccess(ReadAccess.Rule.STAFF)
    @Operation(summary = "List staff members, optionally by active flag or subject")
    public Page<StaffResponse> list(@QueryParam("active") String active, @QueryParam("idpSubject") String idpSubject,
                                    @BeanParam @Valid PageRequest page) {
        access.requireStaff();
        return staff.list(QueryParams.bool("active", active),
                idpSubject == null || idpSubject.isBlank() ? null : idpSubject.strip(), page)
                .map(StaffResponse::from);
    }

    @GET
    @ReadAccess(ReadAccess.Rule.STAFF)
    @Path("{id}")
    @Operation(summary = "Get a staff member")
    public StaffResponse get(@PathParam("id") UUID id) {
        access.requireStaff();
        return StaffResponse.from(staff.get(id));
    }

    @PUT
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}")
    @Operation(summary = "Rename or (de)activate a staff member")
    public StaffResponse update(@PathParam("id") UUID id, @NotNull @Valid UpdateStaffRequest body) {
        access.requireAdmin();
        return StaffResponse.from(staff.update(id, body.displayName(), body.active()));
    }

    @POST
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}/sites")
    @Operation(summary = "Record that a staff member works at a site (a supervisor reads that site's records)")
    public StaffResponse assignSite(@PathParam("id") UUID id, @NotNull @Valid AssignSiteRequest body) {
        access.requireAdmin();
        return StaffResponse.from(staff.assignSite(id, body.siteId()));
    }

    @PUT
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}/licensed-states")
    @Operation(summary = "Set the US states, DC or territories a staff member is licensed in (USPS codes; the whole"
            + " list). A session's patients who say they are outside every licensed state of its facilitators wait"
            + " flagged")
    public StaffResponse licensedStates(@PathParam("id") UUID id, @NotNull @Valid LicensedStatesRequest body) {
        access.requireAdmin();
        return StaffResponse.from(staff.licenseIn(id, new java.util.HashSet<>(body.states())));
    }

    @DELETE
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}/sites/{siteId}")
    @Operation(summary = "Remove a site from a staff member (an assignment, not a clinical record)")
    public StaffResponse unassignSite(@PathParam("id") UUID id, @PathParam("siteId") UUID siteId) {
        access.requireAdmin();
        return StaffResponse.from(staff.unassignSite(id, siteId));
    }
}
