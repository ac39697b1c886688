package care.mend.attendance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One past session of an enrollment as progress sees it: its day in the group's zone and the patient's attendance.
 */
public record AttendedSession(LocalDate day, AttendanceStatus status, boolean credited, long minutesPresent) {

    public AttendedSession {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(status, "status");
        if (minutesPresent < 0) {
            throw new IllegalArgumentException("minutesPresent must not be negative");
        }
    }
}
