package care.mend.attendance;

import care.mend.schedule.GroupSession;
import care.mend.security.AccessPolicy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Attendance sheets, sign-off and amendments. Thin: the access policy decides, the service acts. */
@Path("attendance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance", description = "Who attended which session, for how long and how; sign-off and corrections")
public class AttendanceResource {

    @Inject
    AttendanceService attendance;

    @Inject
    AccessPolicy access;

    @Inject
    care.mend.program.EnrollmentService enrollments;

    @Inject
    care.mend.program.ProgramService programs;

    @Inject
    care.mend.program.SiteService sites;

    @GET
    @Path("sessions/{sessionId}")
    @Operation(summary = "A session's attendance sheet: live from the room until signed, frozen after")
    public AttendanceSheetResponse sheet(@PathParam("sessionId") UUID sessionId) {
        GroupSession session = attendance.session(sessionId);
        access.requireReadAttendance(session.groupId(), sessionId);
        return AttendanceSheetResponse.from(attendance.sheet(sessionId));
    }

    @POST
    @Path("sessions/{sessionId}/sign-off")
    @Operation(summary = "Sign an ended session's attendance (its facilitators); excused patients need a reason")
    public AttendanceSheetResponse signOff(@PathParam("sessionId") UUID sessionId, @Valid SignOffRequest body) {
        GroupSession session = attendance.session(sessionId);
        access.requireSignAttendance(session.groupId());
        Map<UUID, String> excused = new LinkedHashMap<>();
        if (body != null && body.excused() != null) {
            body.excused().forEach(excuse -> excused.put(excuse.patientId(), excuse.reason()));
        }
        return AttendanceSheetResponse.from(attendance.signOff(sessionId, access.user().subject(), excused));
    }

    @POST
    @Path("records/{recordId}/amendments")
    @Operation(summary = "Correct a signed record; the original and every amendment stay visible")
    public AttendanceLineResponse amend(@PathParam("recordId") UUID recordId,
                                        @NotNull @Valid AmendmentRequest body) {
        AttendanceRecord record = attendance.record(recordId);
        access.requireSignAttendance(attendance.session(record.sessionId()).groupId());
        AttendanceRecord amended = attendance.amend(recordId, body.status(), body.minutes(), body.credited(),
                access.user().subject(), body.reason());
        return AttendanceLineResponse.from(new AttendanceService.Line(amended.patientId(), null, amended));
    }

    @GET
    @Path("enrollments/{enrollmentId}/progress")
    @Operation(summary = "An enrollment's progress: credited sessions, weekly minutes, absences, projected completion")
    public ProgramProgress progress(@PathParam("enrollmentId") UUID enrollmentId) {
        care.mend.program.Enrollment enrollment = enrollments.get(enrollmentId);
        access.requireReadEnrollment(enrollment.id(), enrollment.patientId(), enrollment.programId());
        care.mend.program.Program program = programs.get(enrollment.programId());
        return attendance.progress(enrollment, java.time.LocalDate.now(sites.get(program.siteId()).timeZone()));
    }

    @GET
    @Path("unsigned")
    @Operation(summary = "Ended sessions whose attendance is still unsigned after some days (supervisors)")
    public List<UnsignedSessionResponse> unsigned(@QueryParam("olderThanDays") @DefaultValue("2")
                                                  @Min(0) @Max(365) int olderThanDays) {
        access.requireOversight();
        return attendance.unsignedOlderThan(olderThanDays, access.visibleGroups().orElse(null)).stream()
                .map(s -> new UnsignedSessionResponse(s.id(), s.groupId(), s.localDate(), s.endsAt())).toList();
    }
}
