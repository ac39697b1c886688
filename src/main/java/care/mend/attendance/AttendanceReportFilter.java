package care.mend.attendance;

import care.mend.security.AuditAction;
import care.mend.security.AuditedAccess;
import java.time.LocalDate;
import java.util.StringJoiner;
import java.util.UUID;

/** The report filters; any may be null. Dates are the sessions' local dates, both inclusive. */
public record AttendanceReportFilter(UUID siteId, UUID programId, UUID groupId, UUID facilitatorId, UUID patientId,
                                     LocalDate from, LocalDate to) {

    /**
     * The request as the access log records it: the scope the filter names (site, program, group, patient) and the
     * rest of it (facilitator, dates) as a query string of ids and dates.
     */
    public AuditedAccess audited(AuditAction action) {
        StringJoiner rest = new StringJoiner("&");
        if (facilitatorId != null) {
            rest.add("facilitatorId=" + facilitatorId);
        }
        if (from != null) {
            rest.add("from=" + from);
        }
        if (to != null) {
            rest.add("to=" + to);
        }
        return AuditedAccess.of(action, "attendance-report", null).site(siteId).program(programId).group(groupId)
                .patient(patientId).filter(rest.toString());
    }
}
