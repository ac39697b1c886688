package care.mend.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A session's attendance sheet: live until signed, frozen after. For a session that was not held
 * ({@code sessionStatus} NOT_HELD, {@code notHeld} true) every line says NOT_HELD; once signed off as not held,
 * {@code notHeldReason} says why it did not take place, and {@code signedBySubject} and {@code signedAt} who signed
 * it off and when. {@code creditMinutes} are the minutes that earn credit in the session's program (an amendment
 * crediting fewer needs a {@code creditOverrideReason}).
 */
public record AttendanceSheetResponse(UUID sessionId, UUID groupId, LocalDate localDate, String sessionStatus,
                                      boolean signed, String signedBySubject, Instant signedAt,
                                      List<AttendanceLineResponse> lines, boolean notHeld, String notHeldReason,
                                      long creditMinutes) {

    static AttendanceSheetResponse from(AttendanceService.Sheet sheet) {
        return new AttendanceSheetResponse(sheet.session().id(), sheet.session().groupId(),
                sheet.session().localDate(), sheet.session().status().name(), sheet.signOff().isPresent(),
                sheet.signOff().map(AttendanceSignOff::signedBySubject).orElse(null),
                sheet.signOff().map(AttendanceSignOff::signedAt).orElse(null),
                sheet.lines().stream().map(AttendanceLineResponse::from).toList(),
                sheet.session().status() == care.mend.schedule.GroupSessionStatus.NOT_HELD,
                sheet.signOff().map(AttendanceSignOff::notHeldReason).orElse(null), sheet.creditMinutes());
    }
}
