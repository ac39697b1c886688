package care.mend.attendance;

import java.time.LocalDate;
import java.util.UUID;

/** The report filters; any may be null. Dates are the sessions' local dates, both inclusive. */
public record AttendanceReportFilter(UUID siteId, UUID programId, UUID groupId, UUID facilitatorId, UUID patientId,
                                     LocalDate from, LocalDate to) {
}
