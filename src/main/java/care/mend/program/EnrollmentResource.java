package care.mend.program;

import care.mend.security.WriteAccess;
import care.mend.security.ReadAccess;
import care.mend.platform.QueryParams;
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

@Path("enrollments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enrollments", description = "Patients in programs, with their status history")
public class EnrollmentResource {

    private AccessPolicy access;
    private EnrollmentService enrollments;

    public EnrollmentResource() {
        // for CDI proxies; RESTEasy also insists on a public constructor it could call itself
    }

    @Inject
    public EnrollmentResource(EnrollmentService enrollments, AccessPolicy access) {
        this.access = access;
        this.enrollments = enrollments;
    }

    @POST
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.NEW_RECORD)
    @Operation(summary = "Enroll a patient in a program")
    public Response create(@NotNull @Valid CreateEnrollmentRequest body, @Context UriInfo uri) {
        access.requireAdmin();
        Enrollment enrollment = enrollments.enroll(body.patientId(), body.programId(), body.startDate(),
                body.plannedEndDate());
        return Response.created(uri.getAbsolutePathBuilder().path(enrollment.id().toString()).build())
                .entity(EnrollmentResponse.from(enrollment)).build();
    }

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Operation(summary = "List enrollments, optionally by patient, program and status")
    public Page<EnrollmentResponse> list(@QueryParam("patientId") String patientId,
                                         @QueryParam("programId") String programId,
                                         @QueryParam("status") String status,
                                         @BeanParam @Valid PageRequest page) {
        UUID patient = QueryParams.uuid("patientId", patientId);
        UUID program = QueryParams.uuid("programId", programId);
        EnrollmentStatus statusFilter = QueryParams.enumValue("status", status, EnrollmentStatus.class);
        return access.listing(AuditedAccess.of(AuditAction.LIST_ENROLLMENTS, "enrollment", null).patient(patient)
                        .program(program).filter(statusFilter == null ? null : "status=" + statusFilter),
                () -> enrollments.list(patient, program, statusFilter, access.visiblePatients().orElse(null),
                        access.visibleEnrollmentPrograms().orElse(null), page).map(EnrollmentResponse::from),
                EnrollmentResponse::patientId);
    }

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Path("{id}")
    @Operation(summary = "Get an enrollment with its status history")
    public EnrollmentResponse get(@PathParam("id") UUID id) {
        Enrollment enrollment = enrollments.get(id);
        return access.readEnrollment(enrollment.id(), enrollment.patientId(), enrollment.programId(),
                () -> EnrollmentResponse.from(enrollment));
    }

    @POST
    @WriteAccess(value = WriteAccess.Rule.ADMIN, concerns = WriteAccess.PatientData.ENROLLMENT)
    @Path("{id}/status")
    @Operation(summary = "End an enrollment (COMPLETED, DISCHARGED or WITHDRAWN); ends its group memberships too")
    public EnrollmentResponse changeStatus(@PathParam("id") UUID id, @NotNull @Valid EnrollmentStatusRequest body) {
        access.requireAdmin();
        return EnrollmentResponse.from(enrollments.changeStatus(id, body.status(), body.effectiveDate(),
                body.reason()));
    }
}
