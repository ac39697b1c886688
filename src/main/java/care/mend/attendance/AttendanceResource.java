package care.mend.attendance;

import care.mend.security.WriteAccess;
import care.mend.security.ReadAccess;
import care.mend.schedule.GroupSession;
import care.mend.platform.Page;
import care.mend.platform.QueryParams;
import care.mend.platform.problem.MendException;
import care.mend.security.AccessPolicy;
import care.mend.security.AuditAction;
import care.mend.security.Disclosure;
import jakarta.transaction.Transactional;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import care.mend.platform.PageRequest;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Attendance sheets, sign-off and amendments, progress, reports and exports. Thin: the access policy decides and
 * writes the request's one row of the access log, the service acts. Sign-offs and amendments run in one transaction
 * here, so that the change and its log row commit together.
 */
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
    AttendanceReports reports;

    /** How many days after its end an unsigned session is listed for supervisors. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mend.attendance.unsigned-after-days",
            defaultValue = "2")
    int unsignedAfterDays;

    @Inject
    care.mend.program.EnrollmentService enrollments;

    @Inject
    care.mend.checkin.CheckIns checkIns;


    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Path("sessions/{sessionId}")
    @Operation(summary = "A session's attendance sheet: live from the room until signed, frozen after")
    public AttendanceSheetResponse sheet(@PathParam("sessionId") UUID sessionId) {
        GroupSession session = attendance.session(sessionId);
        return access.readSheet(session.groupId(), sessionId,
                () -> AttendanceSheetResponse.from(attendance.sheet(sessionId)), AttendanceResource::patientsOn);
    }

    @POST
    @WriteAccess(WriteAccess.Rule.SIGN_SESSION_ATTENDANCE)
    @Path("sessions/{sessionId}/sign-off")
    @Transactional
    @Operation(summary = "Sign an ended session's attendance (its facilitators); excused patients need a reason."
            + " A session that was not held is signed off at .../not-held instead (409 SESSION_WAS_NOT_HELD here)")
    public AttendanceSheetResponse signOff(@PathParam("sessionId") UUID sessionId, @Valid SignOffRequest body) {
        GroupSession session = attendance.session(sessionId);
        Map<UUID, String> excused = new LinkedHashMap<>();
        if (body != null && body.excused() != null) {
            body.excused().forEach(excuse -> excused.put(excuse.patientId(), excuse.reason()));
        }
        return access.signOff(AuditAction.SIGN_OFF, session.groupId(), sessionId,
                () -> AttendanceSheetResponse.from(attendance.signOff(sessionId, access.user().subject(), excused)),
                AttendanceResource::patientsOn);
    }

    @POST
    @WriteAccess(WriteAccess.Rule.SIGN_SESSION_NOT_HELD)
    @Path("sessions/{sessionId}/not-held")
    @Transactional
    @Operation(summary = "Sign off a session that was not held (its facilitators, or an admin), with the reason it did"
            + " not take place; no patient is marked absent",
            description = "400 without a reason or with one over 300 characters or not on one line; 409"
                    + " SESSION_NOT_NOT_HELD unless the session is NOT_HELD, ALREADY_SIGNED once signed.")
    public AttendanceSheetResponse signOffNotHeld(@PathParam("sessionId") UUID sessionId,
                                                  @NotNull @Valid NotHeldSignOffRequest body) {
        GroupSession session = attendance.session(sessionId);
        return access.signOff(AuditAction.SIGN_OFF_NOT_HELD, session.groupId(), sessionId,
                () -> AttendanceSheetResponse.from(attendance.signOffNotHeld(sessionId, access.user().subject(),
                        body.reason())), AttendanceResource::patientsOn);
    }

    @GET
    @ReadAccess(ReadAccess.Rule.STAFF)
    @Path("sign-offs")
    @Operation(summary = "Which of the given sessions (sessionId, repeated, at most 50) are signed, and whether as not"
            + " held (staff, within their groups); unsigned sessions and those out of reach are left out",
            description = "No patient data: for the facilitator's list of sessions. 400 VALIDATION_FAILED for a"
                    + " sessionId that is not a UUID or more than 50 of them.")
    public List<SignOffStateResponse> signOffs(@QueryParam("sessionId") List<String> sessionIds) {
        access.requireStaff();
        java.util.Set<UUID> ids = new java.util.LinkedHashSet<>();
        for (String id : sessionIds == null ? List.<String>of() : sessionIds) {
            ids.add(QueryParams.uuid("sessionId", id));
        }
        ids.remove(null);
        return attendance.signOffsOf(ids, access.visibleGroups().orElse(null)).stream()
                .map(SignOffStateResponse::from).toList();
    }

    @POST
    @WriteAccess(WriteAccess.Rule.AMEND_ATTENDANCE_RECORD)
    @Path("records/{recordId}/amendments")
    @Transactional
    @Operation(summary = "Correct a signed record; the original and every amendment stay visible",
            description = "Checked by the sign-off's rules: minutes within the scheduled minutes, split by modality"
                    + " (adding up) when they change, the status agreeing with minutes and credit (409"
                    + " AMENDMENT_INCONSISTENT), credit below the program's credit minutes only with"
                    + " creditOverrideReason (409 CREDIT_BELOW_THRESHOLD). A refused one changes nothing.")
    public AttendanceLineResponse amend(@PathParam("recordId") UUID recordId,
                                        @NotNull @Valid AmendmentRequest body) {
        AttendanceRecord record = attendance.record(recordId);
        return access.amend(attendance.session(record.sessionId()).groupId(), record.sessionId(), recordId,
                record.patientId(), () -> {
                    AttendanceRecord amended = attendance.amend(recordId, body.correction(),
                            access.user().subject());
                    return AttendanceLineResponse.from(new AttendanceService.Line(amended.patientId(), null, amended,
                            amended.attestedLocation()));
                });
    }

    @GET
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Path("enrollments/{enrollmentId}/progress")
    @Operation(summary = "An enrollment's progress: credited sessions; attended, absent, excused, cancelled and"
            + " not-held sessions; weekly minutes; absences; the projected completion from the group's schedule")
    public ProgramProgress progress(@PathParam("enrollmentId") UUID enrollmentId) {
        care.mend.program.Enrollment enrollment = enrollments.get(enrollmentId);
        return access.readProgress(enrollment.id(), enrollment.patientId(), enrollment.programId(),
                () -> attendance.progress(enrollment));
    }

    @GET
    @ReadAccess(ReadAccess.Rule.PROGRAM_PROGRESS)
    @Path("progress")
    @Operation(summary = "The progress of a program's enrollments (staff, within their reach), one item per"
            + " enrollment with the patient's display name: one request, and one access-log row, for a whole chart")
    public Page<EnrollmentProgressResponse> programProgress(@QueryParam("programId") String programId,
                                                             @BeanParam @Valid PageRequest page) {
        UUID program = QueryParams.uuid("programId", programId);
        if (program == null) {
            throw MendException.invalidField("programId", "is required");
        }
        return access.readProgramProgress(program, () -> attendance.progressOf(enrollments.list(null, program, null,
                        access.visiblePatients().orElse(null), access.visibleEnrollmentPrograms().orElse(null), page)),
                EnrollmentProgressResponse::patientId);
    }

    @GET
    @ReadAccess(ReadAccess.Rule.REPORT)
    @Path("report")
    @Operation(summary = "Signed attendance rows by site, program, group, facilitator, patient and dates, with totals")
    public AttendanceReportResponse report(@BeanParam ReportQuery query, @BeanParam @Valid PageRequest page) {
        AttendanceReportFilter filter = query.toFilter();
        return access.report(filter.audited(AuditAction.READ_REPORT),
                () -> AttendanceReportResponse.from(reports.report(filter, access.reportGroups().orElse(null), page)),
                report -> disclosed(report.items()));
    }

    @GET
    @ReadAccess(ReadAccess.Rule.REPORT_CSV)
    @Path("report.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "The same rows as CSV (RFC 4180, UTF-8, header row)")
    public Response reportCsv(@BeanParam ReportQuery query) {
        return Response.ok(csv(query)).header("Content-Disposition", "attachment; filename=\"attendance.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    /** The CSV export's body, after the policy decided and logged the request. */
    String csv(ReportQuery query) {
        AttendanceReportFilter filter = query.toFilter();
        return AttendanceCsv.of(access.report(filter.audited(AuditAction.EXPORT_CSV),
                () -> reports.export(filter, access.reportGroups().orElse(null)), AttendanceResource::disclosed));
    }

    @GET
    @ReadAccess(ReadAccess.Rule.REPORT_FHIR)
    @Path("report.fhir")
    @Produces(AttendanceFhirExport.MEDIA_TYPE)
    @Operation(summary = "The same rows as a FHIR R4 Bundle: EpisodeOfCare per enrollment, Encounters per session")
    public Response reportFhir(@BeanParam ReportQuery query) {
        return Response.ok(fhir(query)).header("Cache-Control", "no-store").build();
    }

    /** The FHIR export's body, after the policy decided and logged the request. */
    String fhir(ReportQuery query) {
        AttendanceReportFilter filter = query.toFilter();
        List<AttendanceReportRow> rows = access.report(filter.audited(AuditAction.EXPORT_FHIR),
                () -> reports.export(filter, access.reportGroups().orElse(null)), AttendanceResource::disclosed);
        java.util.Set<UUID> patients = new java.util.LinkedHashSet<>();
        java.util.Set<UUID> sessions = new java.util.LinkedHashSet<>();
        rows.forEach(row -> {
            patients.add(row.patientId());
            sessions.add(row.sessionId());
        });
        return AttendanceFhirExport.json(AttendanceFhirExport.bundle(rows, reports.enrollmentsOf(patients),
                checkIns.of(sessions, patients), java.time.Instant.now()));
    }

    private static List<UUID> patientsOn(AttendanceSheetResponse sheet) {
        return sheet.lines().stream().map(AttendanceLineResponse::patientId).toList();
    }

    private static Disclosure disclosed(List<AttendanceReportRow> rows) {
        return Disclosure.ofItems(rows, AttendanceReportRow::patientId, AttendanceReportRow::siteId);
    }

    @GET
    @ReadAccess(ReadAccess.Rule.OVERSIGHT)
    @Path("unsigned")
    @Operation(summary = "Ended and not-held sessions whose attendance is still unsigned after some days"
            + " (supervisors)")
    public List<UnsignedSessionResponse> unsigned(@QueryParam("olderThanDays") @Min(0) @Max(365)
                                                  Integer olderThanDays) {
        access.requireOversight();
        int days = olderThanDays != null ? olderThanDays : unsignedAfterDays;
        return attendance.unsignedOlderThan(days, access.visibleGroups().orElse(null)).stream()
                .map(UnsignedSessionResponse::from).toList();
    }
}
