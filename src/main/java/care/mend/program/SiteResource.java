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

@Path("sites")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Clinic locations")
public class SiteResource {

    private AccessPolicy access;
    private SiteService sites;

    public SiteResource() {
        // for CDI proxies; RESTEasy also insists on a public constructor it could call itself
    }

    @Inject
    public SiteResource(SiteService sites, AccessPolicy access) {
        this.access = access;
        this.sites = sites;
    }

    @POST
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Operation(summary = "Create a site (active)")
    public Response create(@NotNull @Valid CreateSiteRequest body, @Context UriInfo uri) {
        access.requireAdmin();
        Site site = sites.create(body.name(), body.city(), body.state(), QueryParams.zone("timeZone", body.timeZone()));
        return Response.created(uri.getAbsolutePathBuilder().path(site.id().toString()).build())
                .entity(SiteResponse.from(site)).build();
    }

    @GET
    @ReadAccess(ReadAccess.Rule.ANY_ROLE)
    @Operation(summary = "List sites, optionally only active or inactive ones")
    public Page<SiteResponse> list(@QueryParam("active") String active, @BeanParam @Valid PageRequest page) {
        access.requireAnyRole();
        return sites.list(QueryParams.bool("active", active), page).map(SiteResponse::from);
    }

    @GET
    @ReadAccess(ReadAccess.Rule.ANY_ROLE)
    @Path("{id}")
    @Operation(summary = "Get a site")
    public SiteResponse get(@PathParam("id") UUID id) {
        access.requireAnyRole();
        return SiteResponse.from(sites.get(id));
    }

    @PUT
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}")
    @Operation(summary = "Rename, relocate, change the time zone of, or (de)activate a site")
    public SiteResponse update(@PathParam("id") UUID id, @NotNull @Valid UpdateSiteRequest body) {
        access.requireAdmin();
        return SiteResponse.from(sites.update(id, body.name(), body.city(), body.state(),
                QueryParams.zone("timeZone", body.timeZone()), body.active()));
    }

    @PUT
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Path("{id}/crisis-instructions")
    @Operation(summary = "Set what the facilitators' safety panel says to do in a crisis at this site (null or blank:"
            + " the default for the US, 988 and 911)")
    public SiteResponse crisisInstructions(@PathParam("id") UUID id, @NotNull @Valid CrisisInstructionsRequest body) {
        access.requireAdmin();
        return SiteResponse.from(sites.changeCrisisInstructions(id, body.instructions()));
    }
}
