package care.mend.room;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the room needs to know about its scheduled session, as the caller read it (from the database, outside the
 * room) just before joining: the room itself never calls a database. Every join carries a fresh plan and the room
 * adopts its roster, so a membership that ended since the room opened stops admitting.
 *
 * <p>The roster is the session's roster as signaling read it (the schedule's {@code SessionRoster}: facilitators,
 * and patients with an active membership and enrollment that day), by subject; {@link #roleOf} is the room's one
 * question to it.
 *
 * @param sessionId the group session; the room's key
 * @param startsAt  the scheduled start
 * @param endsAt    the scheduled end
 * @param roster    everyone who may join, by subject, with what the room needs to know about them
 * @param autoAdmit admit waiting patients automatically while a facilitator is present
 */
public record RoomPlan(UUID sessionId, Instant startsAt, Instant endsAt, Map<String, RosterEntry> roster,
        boolean autoAdmit) {

    /**
     * One person on the session's roster, as the room sees them.
     *
     * @param name             how the room names them (a patient's chosen name, a staff member's display name),
     *                         or {@link ParticipantName#NONE}
     * @param outsideLicensure a patient whose latest stated jurisdiction is outside every licensed state of the
     *                         session's facilitators ({@code care.mend.program.Licensure}, decided by the caller):
     *                         they wait flagged, are never admitted automatically, and a facilitator admits them
     *                         only with a reason
     */
    public record RosterEntry(RoomRole role, ParticipantName name, boolean outsideLicensure) {

        public RosterEntry {
            Objects.requireNonNull(role, "role");
            name = name == null ? ParticipantName.NONE : name;
            if (outsideLicensure && role != RoomRole.PATIENT) {
                throw new IllegalArgumentException("only a patient is outside licensure");
            }
        }

        public RosterEntry(RoomRole role, ParticipantName name) {
            this(role, name, false);
        }

        public RosterEntry(RoomRole role) {
            this(role, ParticipantName.NONE);
        }
    }

    public RoomPlan {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a session ends after it starts");
        }
        roster = Map.copyOf(roster);
    }

    /** A plan whose roster has these facilitators and patients, unnamed; someone in both is a facilitator. */
    public RoomPlan(UUID sessionId, Instant startsAt, Instant endsAt, Set<String> facilitatorSubjects,
            Set<String> patientSubjects, boolean autoAdmit) {
        this(sessionId, startsAt, endsAt, facilitatorSubjects, patientSubjects, autoAdmit, Map.of());
    }

    /** The same, with a name for each subject that has one (tests and load harnesses). */
    public RoomPlan(UUID sessionId, Instant startsAt, Instant endsAt, Set<String> facilitatorSubjects,
            Set<String> patientSubjects, boolean autoAdmit, Map<String, ParticipantName> names) {
        this(sessionId, startsAt, endsAt, rosterOf(facilitatorSubjects, patientSubjects, names), autoAdmit);
    }

    private static Map<String, RosterEntry> rosterOf(Set<String> facilitators, Set<String> patients,
                                                     Map<String, ParticipantName> names) {
        Map<String, RosterEntry> roster = new HashMap<>();
        patients.forEach(subject -> roster.put(subject, new RosterEntry(RoomRole.PATIENT, names.get(subject))));
        facilitators.forEach(subject -> roster.put(subject, new RosterEntry(RoomRole.FACILITATOR,
                names.get(subject))));
        return roster;
    }

    /** The same plan with these patients (by subject) flagged outside licensure, and no others. */
    public RoomPlan withOutsideLicensure(Set<String> patientSubjects) {
        Map<String, RosterEntry> flagged = new HashMap<>();
        roster.forEach((subject, entry) -> flagged.put(subject, new RosterEntry(entry.role(), entry.name(),
                entry.role() == RoomRole.PATIENT && patientSubjects.contains(subject))));
        return new RoomPlan(sessionId, startsAt, endsAt, flagged, autoAdmit);
    }

    /** Whether the subject is a patient flagged outside licensure in this plan. */
    boolean outsideLicensure(String subject) {
        RosterEntry entry = roster.get(subject);
        return entry != null && entry.outsideLicensure();
    }

    /** The subject's name in this session, or {@link ParticipantName#NONE}. */
    ParticipantName nameOf(String subject) {
        RosterEntry entry = roster.get(subject);
        return entry == null ? ParticipantName.NONE : entry.name();
    }

    /** The subject's role in this session, or {@link RoomErrorCode#NOT_A_MEMBER} when they are not on the roster. */
    RoomRole roleOf(String subject) {
        RosterEntry entry = roster.get(subject);
        if (entry == null) {
            throw new RoomException(RoomErrorCode.NOT_A_MEMBER);
        }
        return entry.role();
    }

    /** Refuses a join before the room opens ({@code openLead} before the start). */
    void checkNotTooEarly(Instant now, Duration openLead) {
        if (now.isBefore(startsAt.minus(openLead))) {
            throw new RoomException(RoomErrorCode.TOO_EARLY);
        }
    }
}
