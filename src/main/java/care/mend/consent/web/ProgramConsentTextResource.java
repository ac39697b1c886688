package care.mend.consent.web;

import care.mend.consent.Consents;
import care.mend.security.AccessPolicy;
import care.mend.security.ReadAccess;
import care.mend.security.WriteAccess;
import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A program's consent texts: every version published (they hold no patient data), and publishing a new one. */
@Path("programs/{id}/consent-texts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "Telehealth consent and the group agreement, per program, versioned")
public class ProgramConsentTextResource {

    @Inject
    Consents consents;

    @Inject
    AccessPolicy access;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @ReadAccess(ReadAccess.Rule.ANY_ROLE)
    @Operation(summary = "Every published version of the program's texts, newest first within each kind")
    public List<ConsentTextResponse> texts(@PathParam("id") UUID programId) {
        consents.program(programId);
        return consents.texts(programId).stream().map(ConsentTextResponse::from).toList();
    }

    @POST
    @Transactional
    @WriteAccess(WriteAccess.Rule.ADMIN)
    @Operation(summary = "Publish a new version of one kind of the program's texts (admins)",
            description = "The version is one past the latest. A published text is never changed; every patient of"
                    + " the program must accept the new version before their next join.")
    public Response publish(@PathParam("id") UUID programId, @NotNull @Valid PublishConsentTextRequest body,
                            @Context UriInfo uri) {
        ConsentTextResponse text = access.publishConsentText(programId, () -> ConsentTextResponse.from(
                consents.publish(programId, body.kind(), body.title(), body.body(), access.user().subject())));
        return Response.created(uri.getAbsolutePathBuilder().build()).entity(text).build();
    }
}
