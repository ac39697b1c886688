package care.mend.attendance;

import care.mend.schedule.GroupSessionStatus;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One past session of an enrollment as progress sees it: its day in the group's zone, whether it took place, and if
 * it did the patient's attendance.
 *
 * @param sessionStatus ENDED for a session that was held; CANCELLED or NOT_HELD for one that was not
 * @param status        the patient's attendance at a held session; null for one that was not held
 * @param credited      whether the session counts toward the program's required sessions
 */
public record AttendedSession(LocalDate day, GroupSessionStatus sessionStatus, AttendanceStatus status,
                              boolean credited, long minutesPresent) {

    /** How a session counts for the patient; decided by {@link #counted()} alone. */
    public enum Counted {
        /** Attended and credited: toward the required sessions. */
        CREDITED,
        /** Attended without credit (partial): neither toward the requirement nor against the patient. */
        ATTENDED,
        /** Absent: counts against the patient. */
        ABSENT,
        /** Excused by a facilitator: neither for nor against. */
        EXCUSED,
        /** Called off beforehand: neither for nor against. */
        CANCELLED,
        /** Did not take place: neither for nor against. */
        NOT_HELD
    }

    public AttendedSession {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(sessionStatus, "sessionStatus");
        if (minutesPresent < 0) {
            throw new IllegalArgumentException("minutesPresent must not be negative");
        }
        switch (sessionStatus) {
            case ENDED -> {
                Objects.requireNonNull(status, "status");
                if (status == AttendanceStatus.NOT_HELD) {
                    throw new IllegalArgumentException("a held session has an attendance status");
                }
            }
            case CANCELLED, NOT_HELD -> {
                if (status != null || credited || minutesPresent != 0) {
                    throw new IllegalArgumentException("nobody attended a session that was not held");
                }
            }
            default -> throw new IllegalArgumentException("a " + sessionStatus + " session is not past");
        }
    }

    /** A session that was held, with the patient's attendance. */
    public AttendedSession(LocalDate day, AttendanceStatus status, boolean credited, long minutesPresent) {
        this(day, GroupSessionStatus.ENDED, status, credited, minutesPresent);
    }

    public static AttendedSession cancelled(LocalDate day) {
        return new AttendedSession(day, GroupSessionStatus.CANCELLED, null, false, 0);
    }

    public static AttendedSession notHeld(LocalDate day) {
        return new AttendedSession(day, GroupSessionStatus.NOT_HELD, null, false, 0);
    }

    /** Whether the session took place (only then do its minutes count toward the week). */
    public boolean held() {
        return sessionStatus == GroupSessionStatus.ENDED;
    }

    /** How this session counts for the patient: credit first, then what the attendance says. */
    public Counted counted() {
        if (sessionStatus == GroupSessionStatus.CANCELLED) {
            return Counted.CANCELLED;
        }
        if (sessionStatus == GroupSessionStatus.NOT_HELD) {
            return Counted.NOT_HELD;
        }
        if (credited) {
            return Counted.CREDITED;
        }
        return switch (status) {
            case ABSENT -> Counted.ABSENT;
            case EXCUSED -> Counted.EXCUSED;
            case PRESENT, PARTIAL -> Counted.ATTENDED;
            case NOT_HELD -> throw new IllegalStateException("checked in the constructor");
        };
    }
}
