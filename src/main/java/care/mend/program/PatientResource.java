package care.mend.program;

import care.mend.security.WriteAccess;
import care.mend.security.ReadAccess;
import care.mend.security.AccessPolicy;
import care.mend.security.AuditAction;
import care.mend.security.AuditedAccess;
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

@Path("patients")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Pseudonymous patients")
public class PatientResource {

    private AccessPolicy access;
    private PatientService patients;
    private PatientLogins logins;

    public PatientResource() {
        // for CDI proxies; RESTEasy also insists on a public constructor it could call itself
    }

    @Inject
    public PatientResource(PatientService patients, AccessPolicy access, PatientLogins logins) {
        this.access = access;
        this.patients = patients;
        this.logins = logins;
    }

    @POST
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.NEW_RECORD)
    @Operation(summary = "Register a patient: linked to an identity-provider subject, or with an e-mail address whose"
            + " login Mend makes (or links by the address) and invites to set a password")
    public Response create(@NotNull @Valid CreatePatientRequest body, @Context UriInfo uri) {
        access.requireAdmin();
        // Registered and committed first; the login is made after, outside any transaction: a Keycloak that fails
        // or does not answer leaves the record with its login FAILED, to retry, never loses it.
        Patient patient = patients.register(body.idpSubject(), body.displayName(), body.chosenName(),
                body.emergencyContact().toDomain(), body.email());
        if (patient.idpSubject() == null) {
            patient = logins.invite(patient.id(), true);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(patient.id().toString()).build())
                .entity(PatientResponse.from(patient)).build();
    }

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Operation(summary = "List patients, optionally the one linked to a subject")
    public Page<PatientResponse> list(@QueryParam("idpSubject") String idpSubject,
                                      @BeanParam @Valid PageRequest page) {
        return access.listing(AuditedAccess.of(AuditAction.LIST_PATIENTS, "patient", null),
                () -> patients.list(idpSubject == null || idpSubject.isBlank() ? null : idpSubject.strip(),
                        access.visiblePatients().orElse(null), page).map(PatientResponse::from),
                PatientResponse::id);
    }

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Path("{id}")
    @Operation(summary = "Get a patient")
    public PatientResponse get(@PathParam("id") UUID id) {
        return access.readPatient(id, () -> PatientResponse.from(patients.get(id)));
    }

    @PUT
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.PATIENT)
    @Path("{id}")
    @Operation(summary = "Change a patient's display name, chosen name, emergency contact and e-mail address")
    public PatientResponse update(@PathParam("id") UUID id, @NotNull @Valid UpdatePatientRequest body) {
        access.requireAdmin();
        return PatientResponse.from(patients.update(id, body.displayName(), body.chosenName(),
                body.emergencyContact().toDomain(), body.email()));
    }

    @POST
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.PATIENT)
    @Path("{id}/login/invite")
    @Operation(summary = "Make or link the patient's login by their e-mail address and send the e-mail to set a"
            + " password (again); the answer's loginState says what came of it")
    public PatientResponse invite(@PathParam("id") UUID id) {
        return PatientResponse.from(logins.invite(id, false));
    }

    @POST
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.PATIENT)
    @Path("{id}/login/disable")
    @Operation(summary = "Disable the patient's login: Keycloak refuses the sign-in, Mend refuses the caller, and"
            + " their signaling sockets close with LOGIN_DISABLED")
    public PatientResponse disable(@PathParam("id") UUID id) {
        return PatientResponse.from(logins.disable(id));
    }

    @POST
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.PATIENT)
    @Path("{id}/login/enable")
    @Operation(summary = "Enable the patient's disabled login again")
    public PatientResponse enable(@PathParam("id") UUID id) {
        return PatientResponse.from(logins.enable(id));
    }
}
