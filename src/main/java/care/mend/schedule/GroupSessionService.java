package care.mend.schedule;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.Problem;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.Enrollment;
import care.mend.program.EnrollmentRepository;
import care.mend.program.EnrollmentStatus;
import care.mend.program.PatientRepository;
import care.mend.program.Checks;
import care.mend.program.References;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Collection;
import java.util.UUID;

/**
 * Generates a group's sessions from its schedule, adds one-off and make-up sessions, moves and cancels sessions,
 * adds make-up guests, and finds the sessions that were not held.
 *
 * <p>Concurrency: every change that must see the group's other sessions or its roster (generating, adding or
 * moving a session, adding a guest) write-locks the group's row first, as admissions do, so two of them are decided
 * one after the other and no two sessions of a group can come to overlap, nor a roster pass its limit.
 */
@ApplicationScoped
@Transactional
public class GroupSessionService {

    /** The longest range one generation covers, in days (both ends included). */
    public static final int MAX_GENERATION_DAYS = 180;

    /** The most sessions one {@link #markNotHeld} call marks; a caller that gets this many calls again. */
    public static final int NOT_HELD_BATCH = 200;

    private static final System.Logger LOG = System.getLogger(GroupSessionService.class.getName());

    /** The most patients one session seats, guests included: as many as a group may have. */
    public static final int MAX_PATIENTS_PER_SESSION = TherapyGroup.MAX_CAPACITY;

    private TherapyGroupRepository groups;
    private GroupSessionRepository sessions;
    private PatientRepository patients;
    private EnrollmentRepository enrollments;
    private Rosters rosters;
    private Clock clock;

    protected GroupSessionService() {
        // for CDI proxies
    }

    @Inject
    public GroupSessionService(TherapyGroupRepository groups, GroupSessionRepository sessions,
                               PatientRepository patients, EnrollmentRepository enrollments, Rosters rosters,
                               Clock clock) {
        this.groups = groups;
        this.sessions = sessions;
        this.patients = patients;
        this.enrollments = enrollments;
        this.rosters = rosters;
        this.clock = clock;
    }

    /** What a generation did: the sessions it created and how many the schedule called for that already existed. */
    public record Generated(List<GroupSession> created, int skipped) {
    }

    /**
     * Creates the sessions the group's schedule calls for from {@code from} through {@code to}, skipping those that
     * exist (in any status: a cancelled session is not recreated, and a moved one still stands for its slot) and
     * those that would overlap a session taking place at that time (a one-off, or an occurrence moved there).
     * Generating the same or an overlapping range again creates nothing twice; two concurrent generations are
     * serialised by the group's write lock, and the unique constraint on the pattern slot is the last line.
     */
    public Generated generate(UUID groupId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw MendException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_GENERATION_DAYS) {
            throw MendException.invalidField("to", "the range must be at most " + MAX_GENERATION_DAYS + " days");
        }
        TherapyGroup group = References.require(groups.findForUpdate(groupId), "group", groupId);
        Set<GroupSessionRepository.SlotKey> existing = sessions.keysBetween(groupId, from, to);
        List<PlannedSession> plan = SessionScheduler.expand(group.schedule(), from, to);
        List<GroupSession> elsewhere = plan.isEmpty() ? List.of() : sessions.takingPlaceDuring(groupId,
                plan.get(0).startsAt(), plan.get(plan.size() - 1).endsAt());
        Instant now = clock.instant();
        List<GroupSession> created = new ArrayList<>();
        int skipped = 0;
        for (PlannedSession planned : plan) {
            if (existing.contains(new GroupSessionRepository.SlotKey(planned.localDate(), planned.startLocalTime()))
                    || elsewhere.stream().anyMatch(s -> s.overlaps(planned.startsAt(), planned.endsAt()))) {
                skipped++;
            } else {
                created.add(sessions.store(new GroupSession(groupId, planned, now)));
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: group {0}: {1} sessions created, {2} existed", groupId,
                created.size(), skipped);
        return new Generated(created, skipped);
    }

    /**
     * Adds a session beyond the weekly pattern: ONE_OFF (the whole group) or MAKE_UP (for the named patients only,
     * who become its guests). The local date and time are the group's zone's, resolved as the pattern's are
     * ({@link SessionScheduler#plan}: a time in a spring-forward gap moves forward by the gap). Refused: a start in
     * the past ({@code SESSION_IN_THE_PAST}) unless {@code alreadyHappened}, which records a session that took place
     * without Mend's room (it must have ended; it is created ENDED and unsigned, for the sign-off); a time shared
     * with another session of the group that takes place ({@code SESSION_OVERLAP}); a length outside 30 to 360
     * minutes.
     *
     * @param patientIds MAKE_UP only: the patients it is for (1 to 12), each enrolled in exactly one program on the
     *                   day, which the session counts toward; for a choice among several, add them one by one
     *                   with {@link #addGuest}
     * @param actor      the identity-provider subject of whoever asked, kept on each guest
     */
    public GroupSession addSession(UUID groupId, GroupSessionKind kind, LocalDate date, LocalTime startTime,
                                   int lengthMinutes, String reason, boolean alreadyHappened, List<UUID> patientIds,
                                   String actor) {
        Checks.required("kind", kind);
        if (kind == GroupSessionKind.SCHEDULED) {
            throw MendException.invalidField("kind", "must be ONE_OFF or MAKE_UP: scheduled sessions come from the"
                    + " weekly schedule");
        }
        List<UUID> named = patientIds == null ? List.of() : patientIds;
        if (kind == GroupSessionKind.MAKE_UP && (named.isEmpty() || named.size() > MAX_PATIENTS_PER_SESSION)) {
            throw MendException.invalidField("patientIds", "a make-up session names 1 to "
                    + MAX_PATIENTS_PER_SESSION + " patients");
        }
        if (kind == GroupSessionKind.ONE_OFF && !named.isEmpty()) {
            throw MendException.invalidField("patientIds", "only a make-up session names patients: a one-off"
                    + " session is for the whole group");
        }
        if (named.stream().distinct().count() != named.size()) {
            throw MendException.invalidField("patientIds", "must not name a patient twice");
        }
        Checks.text("reason", reason, GroupSession.REASON_MAX);
        TherapyGroup group = References.require(groups.findForUpdate(groupId), "group", groupId);
        PlannedSession planned = plan(date, startTime, lengthMinutes, group);
        Instant now = clock.instant();
        if (!alreadyHappened && planned.startsAt().isBefore(now)) {
            throw inThePast("This start has passed; to record a session that already happened, say so"
                    + " (alreadyHappened) and why");
        }
        if (alreadyHappened && planned.endsAt().isAfter(now)) {
            throw MendException.invalidField("alreadyHappened", "only a session that has ended can be recorded as"
                    + " already happened");
        }
        refuseOverlap(group.id(), planned, null);
        GroupSession session = sessions.store(new GroupSession(groupId, planned, kind, reason, now));
        for (int i = 0; i < named.size(); i++) {
            UUID patientId = named.get(i);
            Enrollment enrollment = onlyEnrollmentFor(patientId, planned.localDate(), "patientIds[" + i + "]");
            sessions.storeGuest(new SessionGuest(session.id(), patientId, enrollment.id(), reason, actor, now));
        }
        if (alreadyHappened) {
            session.recordHeldElsewhere(now);
        }
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: group {0}: {1} session {2} added", groupId, kind,
                session.id());
        return session;
    }

    /**
     * Moves a session that has not started to a new local date and/or time and/or length (what is not given stays),
     * with a reason: the same session (id, pattern slot, guests), with its first start kept. Refused as for a new
     * session: a start in the past, an overlap with another of the group's sessions; and a session that is not
     * SCHEDULED or whose start has come ({@code SESSION_NOT_RESCHEDULABLE}).
     */
    public GroupSession reschedule(UUID id, LocalDate date, LocalTime startTime, Integer lengthMinutes,
                                   String reason) {
        GroupSession session = get(id);
        if (date == null && startTime == null && lengthMinutes == null) {
            throw MendException.invalidField("date", "give a new date, start time or length");
        }
        Checks.text("reason", reason, GroupSession.REASON_MAX);
        TherapyGroup group = References.require(groups.findForUpdate(session.groupId()), "group",
                session.groupId());
        Instant now = clock.instant();
        session.requireReschedulable(now);
        int length = lengthMinutes != null ? lengthMinutes
                : (int) Duration.between(session.startsAt(), session.endsAt()).toMinutes();
        PlannedSession moved = plan(date != null ? date : session.localDate(),
                startTime != null ? startTime : session.startLocalTime(), length, group);
        if (moved.startsAt().isBefore(now)) {
            throw inThePast("A session can't be moved to a time that has passed");
        }
        refuseOverlap(group.id(), moved, session.id());
        session.reschedule(moved, reason, now);
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: session {0} moved", id);
        return session;
    }

    /**
     * Adds a make-up guest: a patient enrolled in a program (any program: the session counts toward that one) who is
     * not on the session's roster yet, to a session still to come or on ({@code SESSION_CLOSED_TO_GUESTS}), while
     * the roster has fewer than {@link #MAX_PATIENTS_PER_SESSION} patients ({@code GROUP_FULL}).
     *
     * @param enrollmentId the enrollment it counts toward; may be omitted when the patient has only one that may
     *                     take the session's day
     * @param actor        the identity-provider subject of whoever added the guest
     */
    public SessionGuest addGuest(UUID sessionId, UUID patientId, UUID enrollmentId, String reason, String actor) {
        GroupSession session = get(sessionId);
        Checks.required("patientId", patientId);
        Checks.text("reason", reason, GroupSession.REASON_MAX);
        References.require(groups.findForUpdate(session.groupId()), "group", session.groupId());
        if (session.status() != GroupSessionStatus.SCHEDULED && session.status() != GroupSessionStatus.LIVE) {
            throw MendException.rule(ProblemCode.SESSION_CLOSED_TO_GUESTS,
                    "Session " + sessionId + " is " + session.status());
        }
        Enrollment enrollment;
        if (enrollmentId == null) {
            enrollment = onlyEnrollmentFor(patientId, session.localDate(), "enrollmentId");
        } else {
            enrollment = References.require(enrollments.find(enrollmentId), "enrollment", enrollmentId);
            if (!enrollment.patientId().equals(patientId)) {
                throw MendException.invalidField("enrollmentId", "must be an enrollment of the patient");
            }
            if (!SessionRoster.mayTakeMakeUp(enrollment, session.localDate())) {
                throw MendException.rule(ProblemCode.PATIENT_NOT_ENROLLED, "Enrollment " + enrollmentId
                        + " is not active on " + session.localDate());
            }
        }
        SessionRoster roster = rosters.of(session);
        if (roster.hasPatient(patientId)) {
            throw MendException.rule(ProblemCode.ALREADY_ON_SESSION,
                    "Patient " + patientId + " is on the roster of session " + sessionId + " already");
        }
        if (roster.patients().size() >= MAX_PATIENTS_PER_SESSION) {
            throw MendException.rule(ProblemCode.GROUP_FULL, "Session " + sessionId + " has "
                    + MAX_PATIENTS_PER_SESSION + " patients on its roster, guests included");
        }
        SessionGuest guest = sessions.storeGuest(new SessionGuest(sessionId, patientId, enrollment.id(), reason,
                actor, clock.instant()));
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: session {0}: guest {1} added", sessionId, guest.id());
        return guest;
    }

    /** The patients who are the session's make-up guests, in the order they were added. */
    public List<UUID> guestPatients(UUID sessionId) {
        return sessions.guestsOf(sessionId).stream().map(SessionGuest::patientId).toList();
    }

    /** The session's make-up guests with their names and programs, in the order they were added. */
    public List<SessionGuestResponse> describeGuests(UUID sessionId) {
        get(sessionId);
        return sessions.describeGuests(sessionId);
    }

    private static PlannedSession plan(LocalDate date, LocalTime startTime, int lengthMinutes, TherapyGroup group) {
        Checks.required("date", date);
        Checks.required("startTime", startTime);
        if (startTime.getSecond() != 0 || startTime.getNano() != 0) {
            throw MendException.invalidField("startTime", "must be a whole minute");
        }
        Checks.range("lengthMinutes", lengthMinutes, ScheduleSlot.MIN_LENGTH_MINUTES,
                ScheduleSlot.MAX_LENGTH_MINUTES);
        return SessionScheduler.plan(date, startTime, lengthMinutes, group.schedule().zone());
    }

    private void refuseOverlap(UUID groupId, PlannedSession planned, UUID except) {
        for (GroupSession other : sessions.takingPlaceDuring(groupId, planned.startsAt(), planned.endsAt())) {
            if (!other.id().equals(except)) {
                throw new MendException(ProblemCode.SESSION_OVERLAP, "The group has a session from "
                        + other.startsAt() + " to " + other.endsAt() + " (" + other.id() + ")", List.of(
                        new Problem.FieldError("startTime", "overlaps another session of the group on "
                                + other.localDate() + " at " + other.startLocalTime())));
            }
        }
    }

    private static MendException inThePast(String detail) {
        return new MendException(ProblemCode.SESSION_IN_THE_PAST, detail,
                List.of(new Problem.FieldError("startTime", "must not be in the past")));
    }

    /**
     * The patient's one enrollment that may take a make-up session on the day: PATIENT_NOT_ENROLLED when there is
     * none, a field error when there are several (then the caller names it).
     */
    private Enrollment onlyEnrollmentFor(UUID patientId, LocalDate day, String field) {
        References.require(patients.find(patientId), "patient", patientId);
        List<Enrollment> open = enrollments.list(patientId, null, EnrollmentStatus.ENROLLED,
                PageRequest.first(50)).items().stream().filter(e -> SessionRoster.mayTakeMakeUp(e, day)).toList();
        if (open.isEmpty()) {
            throw MendException.rule(ProblemCode.PATIENT_NOT_ENROLLED,
                    "Patient " + patientId + " is not enrolled in any program on " + day);
        }
        if (open.size() > 1) {
            throw MendException.invalidField(field, "the patient is enrolled in several programs: add them as a"
                    + " guest naming the enrollment it counts toward");
        }
        return open.get(0);
    }

    public GroupSession cancel(UUID id, String reason) {
        GroupSession session = get(id);
        session.cancel(reason, clock.instant());
        LOG.log(System.Logger.Level.DEBUG, "mend.schedule: session {0} cancelled", id);
        return session;
    }

    /**
     * Marks NOT_HELD the sessions still SCHEDULED whose scheduled end plus {@code grace} has passed (at most
     * {@link #NOT_HELD_BATCH}, oldest first): one query for the candidates, then the domain verb on each. Idempotent:
     * a session once marked is no longer a candidate, and cancelled, live and ended sessions never are. A concurrent
     * change of one of them (a cancellation) fails this transaction on the session's version; the next call retries.
     *
     * @return the sessions marked now
     */
    public List<GroupSession> markNotHeld(Duration grace) {
        Instant now = clock.instant();
        List<GroupSession> overdue = sessions.scheduledEndingBefore(GroupSession.notHeldIfEndedBefore(now, grace),
                NOT_HELD_BATCH);
        overdue.forEach(session -> session.markNotHeld(now, grace));
        if (!overdue.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "mend.schedule: {0} sessions not held", overdue.size());
        }
        return overdue;
    }

    public GroupSession get(UUID id) {
        return References.require(sessions.find(id), "session", id);
    }

    public Page<GroupSession> list(UUID groupId, LocalDate from, LocalDate to, GroupSessionStatus status,
                                   PageRequest page) {
        return sessions.list(groupId, from, to, status, page);
    }

    public Page<GroupSession> list(UUID groupId, LocalDate from, LocalDate to, GroupSessionStatus status,
                                   Collection<UUID> visibleGroups, PageRequest page) {
        return sessions.list(groupId, from, to, status, visibleGroups, page);
    }

    /** The same, with the sessions the patient {@code guest} is a make-up guest of (null: nobody's). */
    public Page<GroupSession> list(UUID groupId, LocalDate from, LocalDate to, GroupSessionStatus status,
                                   Collection<UUID> visibleGroups, UUID guest, PageRequest page) {
        return sessions.list(groupId, from, to, status, visibleGroups, guest, page);
    }

    /** The names of the sessions' groups, in one query. */
    public java.util.Map<UUID, String> groupNames(Collection<GroupSession> listed) {
        return groups.namesOf(listed.stream().map(GroupSession::groupId).collect(java.util.stream.Collectors.toSet()));
    }

    /** The room of the session opened: its first facilitator came in. */
    public GroupSession markLive(UUID id, java.time.Instant at) {
        GroupSession session = get(id);
        session.goLive(at);
        return session;
    }

    /** The room of the session ended. */
    public GroupSession markEnded(UUID id, java.time.Instant at) {
        GroupSession session = get(id);
        session.end(at);
        return session;
    }
}
