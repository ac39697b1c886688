package care.mend.room;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
 * @param names               how the room names each subject of the roster; a subject without one is shown unnamed
 */
public record RoomPlan(UUID sessionId, Instant startsAt, Instant endsAt, Set<String> facilitatorSubjects,
        Set<String> patientSubjects, boolean autoAdmit, Map<String, ParticipantName> names) {

    /** A plan that names nobody (tests and load harnesses). */
    public RoomPlan(UUID sessionId, Instant startsAt, Instant endsAt, Set<String> facilitatorSubjects,
            Set<String> patientSubjects, boolean autoAdmit) {
        this(sessionId, startsAt, endsAt, facilitatorSubjects, patientSubjects, autoAdmit, Map.of());
    }

    public RoomPlan {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a session ends after it starts");
        }
        facilitatorSubjects = Set.copyOf(facilitatorSubjects);
        patientSubjects = Set.copyOf(patientSubjects);
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    /** The subject's name in this session, or {@link ParticipantName#NONE}. */
    ParticipantName nameOf(String subject) {
        return names.getOrDefault(subject, ParticipantName.NONE);
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
