package care.mend.attendance;

import care.mend.platform.QueryParams;
import jakarta.ws.rs.QueryParam;

/** The report filters as query parameters, parsed with the field named on error. */
public class ReportQuery {

    @QueryParam("siteId")
    String siteId;

    @QueryParam("programId")
    String programId;

    @QueryParam("groupId")
    String groupId;

    @QueryParam("facilitatorId")
    String facilitatorId;

    @QueryParam("patientId")
    String patientId;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    AttendanceReportFilter toFilter() {
        return new AttendanceReportFilter(QueryParams.uuid("siteId", siteId), QueryParams.uuid("programId", programId),
                QueryParams.uuid("groupId", groupId), QueryParams.uuid("facilitatorId", facilitatorId),
                QueryParams.uuid("patientId", patientId), QueryParams.date("from", from), QueryParams.date("to", to));
    }
}
