package care.mend.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A session's attendance sheet: live until signed, frozen after. */
public record AttendanceSheetResponse(UUID sessionId, UUID groupId, LocalDate localDate, String sessionStatus,
                                      boolean signed, String signedBySubject, Instant signedAt,
                                      List<AttendanceLineResponse> lines) {

    static AttendanceSheetResponse from(AttendanceService.Sheet sheet) {
        return new AttendanceSheetResponse(sheet.session().id(), sheet.session().groupId(),
                sheet.session().localDate(), sheet.session().status().name(), sheet.signOff().isPresent(),
                sheet.signOff().map(AttendanceSignOff::signedBySubject).orElse(null),
                sheet.signOff().map(AttendanceSignOff::signedAt).orElse(null),
                sheet.lines().stream().map(AttendanceLineResponse::from).toList());
    }
}
