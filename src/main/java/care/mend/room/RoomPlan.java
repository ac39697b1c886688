package care.mend.room;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the room needs to know about its scheduled session, as the caller read it (from the database, outside the
 * room) just before joining: the room itself never calls a database. Every join carries a fresh plan and the room
 * adopts its roster, so a membership that ended since the room opened stops admitting.
 *
 * @param sessionId           the group session; the room's key
 * @param startsAt            the scheduled start
 * @param endsAt              the scheduled end
 * @param facilitatorSubjects subjects of the group's facilitators
 * @param patientSubjects     subjects of the patients allowed in (active member of the group and enrolled)
 * @param autoAdmit           admit waiting patients automatically while a facilitator is present
 */
public record RoomPlan(UUID sessionId, Instant startsAt, Instant endsAt, Set<String> facilitatorSubjects,
        Set<String> patientSubjects, boolean autoAdmit) {

    public RoomPlan {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a session ends after it starts");
        }
        facilitatorSubjects = Set.copyOf(facilitatorSubjects);
        patientSubjects = Set.copyOf(patientSubjects);
    }

    /** The subject's role in this session: facilitator first, for staff who are somehow also on the roster. */
    RoomRole roleOf(String subject) {
        if (facilitatorSubjects.contains(subject)) {
            return RoomRole.FACILITATOR;
        }
        if (patientSubjects.contains(subject)) {
            return RoomRole.PATIENT;
        }
        throw new RoomException(RoomErrorCode.NOT_A_MEMBER);
    }

    /** Refuses a join before the room opens ({@code openLead} before the start). */
    void checkNotTooEarly(Instant now, Duration openLead) {
        if (now.isBefore(startsAt.minus(openLead))) {
            throw new RoomException(RoomErrorCode.TOO_EARLY);
        }
    }
}
