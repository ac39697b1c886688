package care.mend.security;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Decides a request's {@link WriteAccess} or {@link ReadAccess} rule once it is matched to its method and before
 * anything the caller sent is read: JAX-RS converts parameters, reads, binds and validates the body only when it
 * calls the method, after every request filter. The decisions, and the access-log rows of their refusals, are the
 * {@link AccessPolicy}'s; this filter only makes them come first.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

    /** What an integration may call (see {@link AccessPolicy#requireCallable}). */
    static final Set<ReadAccess.Rule> REPORT_READS = EnumSet.of(ReadAccess.Rule.REPORT, ReadAccess.Rule.REPORT_CSV,
            ReadAccess.Rule.REPORT_FHIR);

    @Context
    ResourceInfo resource;

    private AccessPolicy access;

    public AccessFilter() {
        // for CDI proxies
    }

    @Inject
    public AccessFilter(AccessPolicy access) {
        this.access = access;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        ReadAccess read = method.getAnnotation(ReadAccess.class);
        access.requireCallable(read != null && REPORT_READS.contains(read.value()));
        WriteAccess write = method.getAnnotation(WriteAccess.class);
        if (write != null) {
            decide(write, request);
        }
        if (read != null) {
            decide(read.value(), request);
        }
    }

    void decide(WriteAccess write, ContainerRequestContext request) {
        WriteAccess.Rule rule = write.value();
        WriteAccess.PatientData data = write.concerns();
        switch (rule) {
            case ADMIN -> {
                if (data == WriteAccess.PatientData.NONE) {
                    access.requireAdmin();
                } else {
                    access.requireAdminToChange(data,
                            data.pathParameter() == null ? null : idIn(request, data.pathParameter()));
                }
            }
            case ANY_ROLE -> access.requireAnyRole();
            case PATIENT -> access.requirePatient();
            case SIGN_SESSION_ATTENDANCE -> access.requireSignSessionAttendance(
                    idIn(request, rule.pathParameter()), AuditAction.SIGN_OFF);
            case SIGN_SESSION_NOT_HELD -> access.requireSignSessionAttendance(
                    idIn(request, rule.pathParameter()), AuditAction.SIGN_OFF_NOT_HELD);
            case AMEND_ATTENDANCE_RECORD -> access.requireAmendAttendanceRecord(idIn(request, rule.pathParameter()));
        }
    }

    void decide(ReadAccess.Rule rule, ContainerRequestContext request) {
        switch (rule) {
            case SIGNED_IN -> { }
            case ANY_ROLE -> access.requireAnyRole();
            case STAFF -> access.requireStaff();
            case OVERSIGHT -> access.requireOversight();
            case AUDIT_READER -> access.requireAuditReader();
            case ROSTER -> access.requireReadRoster(idIn(request, rule.pathParameter()));
            case PROGRAM_PROGRESS -> {
                UUID program = uuidOrNull(request.getUriInfo().getQueryParameters().getFirst("programId"));
                access.requireStaffFor(AuditedAccess.of(AuditAction.READ_PROGRESS, "program", program)
                        .program(program));
            }
            case REPORT -> access.requireReportReader(reportAsked(AuditAction.READ_REPORT, request));
            case REPORT_CSV -> access.requireReportReader(reportAsked(AuditAction.EXPORT_CSV, request));
            case REPORT_FHIR -> access.requireReportReader(reportAsked(AuditAction.EXPORT_FHIR, request));
        }
    }

    /**
     * What a report request asked for, as far as it can be read without refusing it for its form: its ids that are
     * ids and its dates that are dates, in the shape the report's own log rows have. Malformed values are left out;
     * the request is refused for its caller in any case.
     */
    private static AuditedAccess reportAsked(AuditAction action, ContainerRequestContext request) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        StringJoiner rest = new StringJoiner("&");
        UUID facilitator = uuidOrNull(query.getFirst("facilitatorId"));
        if (facilitator != null) {
            rest.add("facilitatorId=" + facilitator);
        }
        for (String date : List.of("from", "to")) {
            date(query.getFirst(date)).ifPresent(day -> rest.add(date + "=" + day));
        }
        return AuditedAccess.of(action, "attendance-report", null)
                .site(uuidOrNull(query.getFirst("siteId"))).program(uuidOrNull(query.getFirst("programId")))
                .group(uuidOrNull(query.getFirst("groupId"))).patient(uuidOrNull(query.getFirst("patientId")))
                .filter(rest.toString());
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID idIn(ContainerRequestContext request, String parameter) {
        String value = request.getUriInfo().getPathParameters().getFirst(parameter);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            // What JAX-RS answers for a path parameter it cannot convert: no such record.
            throw new MendException(ProblemCode.NOT_FOUND, "No such resource");
        }
    }
}
