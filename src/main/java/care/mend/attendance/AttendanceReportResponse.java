package care.mend.attendance;

import java.util.List;

/** A page of report rows with the totals of the whole filter. */
public record AttendanceReportResponse(List<AttendanceReportRow> items, int page, int size, long total,
                                       AttendanceReports.Totals totals) {

    static AttendanceReportResponse from(AttendanceReports.Report report) {
        return new AttendanceReportResponse(report.page().items(), report.page().page(), report.page().size(),
                report.page().total(), report.totals());
    }
}
