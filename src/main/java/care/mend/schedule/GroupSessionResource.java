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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("sessions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Dated group sessions; cancelled, never deleted")
public class GroupSessionResource {

    private AccessPolicy access;
    private GroupSessionService sessions;

    public GroupSessionResource() {
        // for CDI proxies; RESTEasy also insists on a public constructor it could call itself
    }

    @Inject
    public GroupSessionResource(GroupSessionService sessions, AccessPolicy access) {
        this.access = access;
        this.sessions = sessions;
    }

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Operation(summary = "List sessions, optionally by group, local-date range (inclusive) and status (SCHEDULED, LIVE,"
            + " ENDED, CANCELLED, NOT_HELD: the time passed and the room never went live)")
    public Page<GroupSessionResponse> list(@QueryParam("groupId") String groupId, @QueryParam("from") String from,
                                           @QueryParam("to") String to, @QueryParam("status") String status,
                                           @BeanParam @Valid PageRequest page) {
        Page<GroupSession> listed = sessions.list(QueryParams.uuid("groupId", groupId), QueryParams.date("from", from),
                QueryParams.date("to", to), QueryParams.enumValue("status", status, GroupSessionStatus.class),
                access.visibleGroups().orElse(null), access.ownPatientId().orElse(null), page);
        java.util.Map<UUID, String> names = sessions.groupNames(listed.items());
        return listed.map(s -> GroupSessionResponse.from(s, names.get(s.groupId())));
    }

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Path("{id}")
    @Operation(summary = "Get a session")
    public GroupSessionResponse get(@PathParam("id") UUID id) {
        GroupSession session = sessions.get(id);
        access.requireReadSession(session.groupId(), sessions.guestPatients(id));
        return GroupSessionResponse.from(session);
    }

    @POST
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a scheduled session, with a reason; the record stays")
    public GroupSessionResponse cancel(@PathParam("id") UUID id, @NotNull @Valid CancelSessionRequest body) {
        access.requireAdmin();
        return GroupSessionResponse.from(sessions.cancel(id, body.reason()));
    }

    @POST
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}/reschedule")
    @Operation(summary = "Move a session that has not started to a new local date, time or length (in the group's"
            + " zone), with a reason; it keeps its id and records its original start")
    public GroupSessionResponse reschedule(@PathParam("id") UUID id, @NotNull @Valid RescheduleSessionRequest body) {
        access.requireAdmin();
        return GroupSessionResponse.from(sessions.reschedule(id, body.date(), body.startTime(), body.lengthMinutes(),
                body.reason()));
    }

    @POST
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.NEW_RECORD)
    @Path("{id}/guests")
    @Operation(summary = "Add a make-up guest: an enrolled patient on this session's roster, counted toward their own"
            + " program")
    @jakarta.transaction.Transactional
    public Response addGuest(@PathParam("id") UUID id, @NotNull @Valid AddGuestRequest body) {
        GroupSession session = sessions.get(id);
        SessionGuest guest = access.addGuests(session.groupId(), id, () -> sessions.addGuest(id, body.patientId(),
                body.enrollmentId(), body.reason(), access.user().subject()), g -> java.util.List.of(g.patientId()));
        SessionGuestResponse added = sessions.describeGuests(id).stream().filter(g -> g.id().equals(guest.id()))
                .findFirst().orElseThrow();
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @GET
    @ReadAccess(ReadAccess.Rule.STAFF)
    @Path("{id}/guests")
    @Operation(summary = "List a session's make-up guests (staff of the group or its site)")
    public Page<SessionGuestResponse> guests(@PathParam("id") UUID id) {
        GroupSession session = sessions.get(id);
        return access.readRoster(session.groupId(), () -> {
            java.util.List<SessionGuestResponse> guests = sessions.describeGuests(id);
            return new Page<>(guests, 0, Math.max(1, guests.size()), guests.size());
        }, SessionGuestResponse::patientId);
    }
}
