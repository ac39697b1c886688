package care.mend.schedule;

import care.mend.security.WriteAccess;
import care.mend.security.ReadAccess;
import care.mend.security.AccessPolicy;
import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.QueryParams;
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

@Path("groups")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "Therapy groups, their facilitators, members and session generation")
public class TherapyGroupResource {

    private AccessPolicy access;
    private TherapyGroupService groups;
    private MembershipService memberships;
    private GroupSessionService sessions;

    public TherapyGroupResource() {
        // for CDI proxies; RESTEasy also insists on a public constructor it could call itself
    }

    @Inject
    public TherapyGroupResource(TherapyGroupService groups, MembershipService memberships,
                                GroupSessionService sessions, AccessPolicy access) {
        this.access = access;
        this.groups = groups;
        this.memberships = memberships;
        this.sessions = sessions;
    }

    @POST
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Operation(summary = "Create a group of a program, with its weekly schedule and facilitators")
    public Response create(@NotNull @Valid CreateGroupRequest body, @Context UriInfo uri) {
        access.requireAdmin();
        TherapyGroup group = groups.create(body.name(), body.programId(), body.capacity(),
                Boolean.TRUE.equals(body.autoAdmit()), body.schedule().zoneOrNull(), body.schedule().domainSlots(),
                body.facilitatorIds());
        return Response.created(uri.getAbsolutePathBuilder().path(group.id().toString()).build())
                .entity(GroupResponse.from(group)).build();
    }

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Operation(summary = "List groups, optionally by program, site and facilitator")
    public Page<GroupResponse> list(@QueryParam("programId") String programId, @QueryParam("siteId") String siteId,
                                    @QueryParam("facilitatorId") String facilitatorId,
                                    @BeanParam @Valid PageRequest page) {
        return groups.list(QueryParams.uuid("programId", programId), QueryParams.uuid("siteId", siteId),
                QueryParams.uuid("facilitatorId", facilitatorId), access.visibleGroups().orElse(null), page)
                .map(GroupResponse::from);
    }

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Path("{id}")
    @Operation(summary = "Get a group")
    public GroupResponse get(@PathParam("id") UUID id) {
        access.requireReadGroup(id);
        return GroupResponse.from(groups.get(id));
    }

    @PUT
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}")
    @Operation(summary = "Change a group's name, capacity, auto-admit flag and schedule")
    public GroupResponse update(@PathParam("id") UUID id, @NotNull @Valid UpdateGroupRequest body) {
        access.requireAdmin();
        return GroupResponse.from(groups.update(id, body.name(), body.capacity(), body.autoAdmit(),
                body.schedule().zoneOrNull(), body.schedule().domainSlots()));
    }

    @POST
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}/facilitators")
    @Operation(summary = "Assign an active staff member as a facilitator")
    public GroupResponse assignFacilitator(@PathParam("id") UUID id, @NotNull @Valid AssignFacilitatorRequest body) {
        access.requireAdmin();
        return GroupResponse.from(groups.assignFacilitator(id, body.staffId()));
    }

    /** A facilitator assignment is not clinical data, so it is removed, not end-dated. */
    @DELETE
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}/facilitators/{staffId}")
    @Operation(summary = "Unassign a facilitator (a group keeps at least one)")
    public GroupResponse unassignFacilitator(@PathParam("id") UUID id, @PathParam("staffId") UUID staffId) {
        access.requireAdmin();
        return GroupResponse.from(groups.unassignFacilitator(id, staffId));
    }

    @POST
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.GROUP_ROSTER)
    @Path("{id}/memberships")
    @Operation(summary = "Admit an enrolled patient to the group")
    public Response admit(@PathParam("id") UUID id, @NotNull @Valid CreateMembershipRequest body,
                          @Context UriInfo uri) {
        access.requireAdmin();
        Membership membership = memberships.admit(id, body.patientId(), body.fromDate());
        return Response.created(uri.getBaseUriBuilder().path(MembershipResource.class)
                        .path(membership.id().toString()).build())
                .entity(MembershipResponse.from(membership)).build();
    }

    @GET
    @ReadAccess(ReadAccess.Rule.ROSTER)
    @Path("{id}/memberships")
    @Operation(summary = "List the group's memberships, optionally those active on a day")
    public Page<MembershipResponse> memberships(@PathParam("id") UUID id, @QueryParam("activeOn") String activeOn,
                                                @BeanParam @Valid PageRequest page) {
        java.time.LocalDate day = QueryParams.date("activeOn", activeOn);
        return access.readRoster(id, () -> memberships.list(id, day, page).map(MembershipResponse::from),
                MembershipResponse::patientId);
    }

    @POST
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}/sessions/generate")
    @Operation(summary = "Create the sessions the schedule calls for in a date range (at most 180 days), skipping"
            + " existing ones")
    public GeneratedSessionsResponse generate(@PathParam("id") UUID id,
                                              @NotNull @Valid GenerateSessionsRequest body) {
        access.requireAdmin();
        return GeneratedSessionsResponse.from(sessions.generate(id, body.from(), body.to()));
    }

    @POST
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.NEW_RECORD)
    @Path("{id}/sessions")
    @Operation(summary = "Add a session beyond the weekly schedule at a local date and time in the group's zone:"
            + " ONE_OFF for the whole group, or MAKE_UP for named patients (its make-up guests); alreadyHappened"
            + " records one that took place without Mend's room, for the sign-off")
    @jakarta.transaction.Transactional
    public Response addSession(@PathParam("id") UUID id, @NotNull @Valid CreateSessionRequest body,
                               @Context UriInfo uri) {
        GroupSessionKind kind = body.kindOrDefault();
        java.util.function.Supplier<GroupSession> add = () -> sessions.addSession(id, kind, body.date(),
                body.startTime(), body.lengthMinutes(), body.reason(), Boolean.TRUE.equals(body.alreadyHappened()),
                body.patientIds(), access.user().subject());
        GroupSession session;
        if (kind == GroupSessionKind.MAKE_UP) {
            session = access.addGuests(id, null, add, s -> sessions.guestPatients(s.id()));
        } else {
            access.requireAdmin();
            session = add.get();
        }
        return Response.created(uri.getBaseUriBuilder().path(GroupSessionResource.class)
                        .path(session.id().toString()).build())
                .entity(GroupSessionResponse.from(session)).build();
    }
}
