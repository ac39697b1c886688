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

@Path("programs")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Intensive Outpatient Programs")
public class ProgramResource {

    private AccessPolicy access;
    private ProgramService programs;

    public ProgramResource() {
        // for CDI proxies; RESTEasy also insists on a public constructor it could call itself
    }

    @Inject
    public ProgramResource(ProgramService programs, AccessPolicy access) {
        this.access = access;
        this.programs = programs;
    }

    @POST
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Operation(summary = "Create a program at an active site")
    public Response create(@NotNull @Valid CreateProgramRequest body, @Context UriInfo uri) {
        access.requireAdmin();
        Program program = programs.create(body.siteId(), body.name(), body.kind(), body.plan());
        return Response.created(uri.getAbsolutePathBuilder().path(program.id().toString()).build())
                .entity(ProgramResponse.from(program)).build();
    }

    @GET
    @ReadAccess(ReadAccess.Rule.ANY_ROLE)
    @Operation(summary = "List programs, optionally by site and kind")
    public Page<ProgramResponse> list(@QueryParam("siteId") String siteId, @QueryParam("kind") String kind,
                                      @BeanParam @Valid PageRequest page) {
        access.requireAnyRole();
        return programs.list(QueryParams.uuid("siteId", siteId), QueryParams.enumValue("kind", kind,
                ProgramKind.class), page).map(ProgramResponse::from);
    }

    @GET
    @ReadAccess(ReadAccess.Rule.ANY_ROLE)
    @Path("{id}")
    @Operation(summary = "Get a program")
    public ProgramResponse get(@PathParam("id") UUID id) {
        access.requireAnyRole();
        return ProgramResponse.from(programs.get(id));
    }

    @PUT
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}")
    @Operation(summary = "Rename a program or change its plan, its attendance thresholds and how patients check in")
    public ProgramResponse update(@PathParam("id") UUID id, @NotNull @Valid UpdateProgramRequest body) {
        access.requireAdmin();
        Program current = programs.get(id);
        return ProgramResponse.from(programs.update(id, body.name(), body.plan(),
                body.thresholds(current.attendanceThresholds()), body.checkInPlan(current.checkInPlan())));
    }
}
