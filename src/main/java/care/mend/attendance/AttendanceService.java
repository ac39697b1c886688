package care.mend.attendance;

import care.mend.media.MediaModality;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.room.ParticipantId;
import care.mend.room.PresenceEvent;
import care.mend.room.RoomRole;
import care.mend.schedule.GroupSession;
import care.mend.schedule.GroupSessionStatus;
import care.mend.schedule.Rosters;
import care.mend.schedule.SessionRoster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The attendance of a session: calculated live from the presence events until the facilitator signs it, frozen
 * as records from then on, corrected only by amendments. A session that was not held (NOT_HELD) has no attendance:
 * its sheet says so for every patient, and it is signed off as not held with a reason, writing no records. Holds no
 * rules of its own: the calculation is {@link AttendanceCalculator}, the corrections {@link AttendanceRecord#amend},
 * the not-held sign-off {@link AttendanceSignOff#notHeld}, progress {@link ProgressCalculator}.
 */
@ApplicationScoped
@Transactional
public class AttendanceService {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    private LocationAttestations attestations;
    private Clock clock;
    private Rosters rosters;

    /** For the CDI proxy. */
    protected AttendanceService() {
    }

    @Inject
    public AttendanceService(LocationAttestations attestations, Clock clock, Rosters rosters) {
        this.attestations = attestations;
        this.clock = clock;
        this.rosters = rosters;
    }

    /** For tests outside the container. */
    public AttendanceService(EntityManager em, LocationAttestations attestations, Clock clock) {
        this(attestations, clock, new Rosters(em));
        this.em = em;
    }

    /**
     * One patient's line on a session's sheet: the record if signed, else the live calculation; with the
     * jurisdiction the patient last stated (null: none) and every admission of theirs outside licensure.
     */
    public record Line(UUID patientId, SessionAttendance live, AttendanceRecord record, String attestedLocation,
                       care.mend.program.Jurisdiction attestedJurisdiction, List<LicensureOverride> overrides) {

        public Line {
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
        }

        public Line(UUID patientId, SessionAttendance live, AttendanceRecord record, String attestedLocation) {
            this(patientId, live, record, attestedLocation, null, List.of());
        }
    }

    /** A session's sheet; {@code creditMinutes} earn credit in it (what an amendment is checked against). */
    public record Sheet(GroupSession session, Optional<AttendanceSignOff> signOff, List<Line> lines,
                        long creditMinutes) {
    }

    public GroupSession session(UUID sessionId) {
        GroupSession session = em.find(GroupSession.class, sessionId);
        if (session == null) {
            throw MendException.notFound("session", sessionId);
        }
        return session;
    }

    public Sheet sheet(UUID sessionId) {
        GroupSession session = session(sessionId);
        Optional<AttendanceSignOff> signOff = Optional.ofNullable(em.find(AttendanceSignOff.class, sessionId));
        List<Line> lines = new ArrayList<>();
        if (session.status() == GroupSessionStatus.NOT_HELD) {
            SessionAttendance notHeld = AttendanceCalculator.notHeld(session.startsAt(), session.endsAt());
            expectedPatients(session).keySet().stream().sorted()
                    .forEach(patient -> lines.add(new Line(patient, notHeld, null, null)));
        } else if (signOff.isPresent()) {
            for (AttendanceRecord record : em.createQuery("select r from AttendanceRecord r where r.sessionId = :s"
                    + " order by r.patientId", AttendanceRecord.class).setParameter("s", sessionId).getResultList()) {
                lines.add(new Line(record.patientId(), null, record, record.attestedLocation()));
            }
        } else {
            Map<UUID, String> locations = attestations.latestFor(sessionId);
            calculate(session, Map.of()).forEach((patient, attendance) -> lines.add(new Line(patient, attendance,
                    null, locations.get(patient))));
        }
        long creditMinutes = rulesOf(session).creditMinutes(
                java.time.Duration.between(session.startsAt(), session.endsAt()).toMinutes());
        return new Sheet(session, signOff, withLicensure(sessionId, lines), creditMinutes);
    }

    /** The lines with each patient's stated jurisdiction and admissions outside licensure. */
    private List<Line> withLicensure(UUID sessionId, List<Line> lines) {
        Map<UUID, LocationAttestations.Statement> statements = attestations.latestStatementsFor(sessionId);
        Map<UUID, List<LicensureOverride>> overrides = new LicensureOverrides(em).forSession(sessionId);
        List<Line> complete = new ArrayList<>();
        for (Line line : lines) {
            LocationAttestations.Statement said = statements.get(line.patientId());
            complete.add(new Line(line.patientId(), line.live(), line.record(), line.attestedLocation(),
                    said == null ? null : said.jurisdiction(), overrides.get(line.patientId())));
        }
        return complete;
    }

    /**
     * Signs the session's attendance: the session must have ended and not be signed yet. Excused patients (with the
     * facilitator's reason) are recorded as excused.
     */
    public Sheet signOff(UUID sessionId, String signerSubject, Map<UUID, String> excused) {
        GroupSession session = session(sessionId);
        if (session.status() == GroupSessionStatus.NOT_HELD) {
            throw MendException.rule(ProblemCode.SESSION_WAS_NOT_HELD, "Session " + sessionId + " was not held");
        }
        if (session.status() != GroupSessionStatus.ENDED) {
            throw MendException.rule(ProblemCode.SESSION_NOT_ENDED, "Session " + sessionId + " has not ended");
        }
        if (em.find(AttendanceSignOff.class, sessionId) != null) {
            throw MendException.rule(ProblemCode.ALREADY_SIGNED, "Session " + sessionId + " is already signed");
        }
        Map<UUID, SessionAttendance> calculated = calculate(session, excused);
        for (UUID patient : excused.keySet()) {
            if (!calculated.containsKey(patient)) {
                throw MendException.invalidField("excused", "patient " + patient + " is not on this session's sheet");
            }
        }
        Instant now = clock.instant();
        em.persist(new AttendanceSignOff(sessionId, signerSubject, now));
        em.flush();
        Map<UUID, String> locations = attestations.latestFor(sessionId);
        calculated.forEach((patient, attendance) -> em.persist(new AttendanceRecord(sessionId, patient,
                attendance, locations.get(patient), now)));
        return sheet(sessionId);
    }

    /**
     * Signs off a session that was not held: it must be NOT_HELD and not signed yet, and the signer gives the reason
     * it did not take place. Writes no attendance records: nobody attended, and no patient is marked absent.
     */
    public Sheet signOffNotHeld(UUID sessionId, String signerSubject, String reason) {
        GroupSession session = session(sessionId);
        if (session.status() != GroupSessionStatus.NOT_HELD) {
            throw MendException.rule(ProblemCode.SESSION_NOT_NOT_HELD,
                    "Session " + sessionId + " is " + session.status() + ", not NOT_HELD");
        }
        AttendanceSignOff signOff = AttendanceSignOff.notHeld(sessionId, signerSubject, reason, clock.instant());
        if (em.find(AttendanceSignOff.class, sessionId) != null) {
            throw MendException.rule(ProblemCode.ALREADY_SIGNED, "Session " + sessionId + " is already signed");
        }
        em.persist(signOff);
        em.flush();
        return sheet(sessionId);
    }

    /** The most sessions {@link #signOffsOf} answers for at once. */
    public static final int SIGN_OFF_STATES_MAX = 50;

    /**
     * The sign-offs of those of {@code sessionIds} that are signed, among the sessions of {@code groups} (null: any
     * group). Sessions that are unknown, unsigned or outside the groups are simply not in the answer.
     */
    public List<AttendanceSignOff> signOffsOf(java.util.Collection<UUID> sessionIds, java.util.Collection<UUID> groups) {
        if (sessionIds.isEmpty() || (groups != null && groups.isEmpty())) {
            return List.of();
        }
        if (sessionIds.size() > SIGN_OFF_STATES_MAX) {
            throw MendException.invalidField("sessionId", "at most " + SIGN_OFF_STATES_MAX + " at once");
        }
        String within = groups == null ? "" : " and s.groupId in :groups";
        var query = em.createQuery("select o from AttendanceSignOff o, GroupSession s where o.sessionId = s.id"
                + " and s.id in :ids" + within + " order by o.sessionId", AttendanceSignOff.class)
                .setParameter("ids", sessionIds);
        if (groups != null) {
            query.setParameter("groups", groups);
        }
        return query.getResultList();
    }

    public AttendanceRecord record(UUID recordId) {
        AttendanceRecord record = em.find(AttendanceRecord.class, recordId);
        if (record == null) {
            throw MendException.notFound("attendance record", recordId);
        }
        return record;
    }

    /** Corrects a signed record by the sign-off's rules, with the credit minutes of the session's program. */
    public AttendanceRecord amend(UUID recordId, AttendanceCorrection correction, String authorSubject) {
        AttendanceRecord record = record(recordId);
        long creditMinutes = rulesOf(session(record.sessionId())).creditMinutes(record.scheduledMinutes());
        record.amend(correction, creditMinutes, authorSubject, clock.instant());
        return record;
    }

    /**
     * Sessions ended or not held and not signed after {@code days} days, oldest first, within the given groups
     * (null: all).
     */
    public List<GroupSession> unsignedOlderThan(int days, java.util.Collection<UUID> groups) {
        if (groups != null && groups.isEmpty()) {
            return List.of();
        }
        String within = groups == null ? "" : " and s.groupId in :groups";
        var query = em.createQuery("select s from GroupSession s where s.status in :signable and s.endsAt < :before"
                        + within + " and not exists (select o from AttendanceSignOff o where o.sessionId = s.id)"
                        + " order by s.endsAt, s.id", GroupSession.class)
                .setParameter("signable", List.of(GroupSessionStatus.ENDED, GroupSessionStatus.NOT_HELD))
                .setParameter("before", clock.instant().minus(java.time.Duration.ofDays(days)))
                .setMaxResults(500);
        if (groups != null) {
            query.setParameter("groups", groups);
        }
        return query.getResultList();
    }

    /**
     * Where an enrollment stands now: the sessions of its program's groups on whose roster this enrollment put the
     * patient ({@link SessionRoster#places}: a membership and this enrollment both active that day), each as
     * what it was (signed records where signed, live figures otherwise; cancelled and not held), the make-up sessions
     * taken for this enrollment as a guest ({@link SessionRoster#placesGuest}), in any group, the weekly minimum,
     * and the schedule still ahead in each group the patient still belongs to (nothing ahead unless the enrollment is
     * active). The rules: {@link ProgressCalculator}.
     */
    public ProgramProgress progress(care.mend.program.Enrollment enrollment) {
        Instant now = clock.instant();
        care.mend.program.Program program = em.find(care.mend.program.Program.class, enrollment.programId());
        List<care.mend.schedule.Membership> memberships = em.createQuery("select m from Membership m, TherapyGroup g"
                        + " where m.groupId = g.id and g.programId = :program and m.patientId = :patient",
                        care.mend.schedule.Membership.class)
                .setParameter("program", enrollment.programId()).setParameter("patient", enrollment.patientId())
                .getResultList();
        boolean enrolled = enrollment.status() == care.mend.program.EnrollmentStatus.ENROLLED;
        List<AttendedSession> past = new ArrayList<>();
        List<ScheduleAhead> ahead = new ArrayList<>();
        for (care.mend.schedule.Membership membership : memberships) {
            care.mend.schedule.TherapyGroup group = em.find(care.mend.schedule.TherapyGroup.class,
                    membership.groupId());
            java.time.LocalDate today = java.time.LocalDate.ofInstant(now, group.schedule().zone());
            List<GroupSession> stored = new ArrayList<>();
            for (GroupSession session : em.createQuery("select s from GroupSession s where s.groupId = :g"
                    + " and s.localDate >= :from order by s.startsAt", GroupSession.class)
                    .setParameter("g", membership.groupId()).setParameter("from", enrollment.startDate())
                    .getResultList()) {
                if (!session.rostersMembers()) {
                    // a make-up session is its guests' (below), not the group's members'
                    continue;
                }
                if (!session.localDate().isBefore(today) || session.patternSlot()
                        .filter(slot -> !slot.localDate().isBefore(today)).isPresent()) {
                    // ahead, or standing for a slot ahead (moved earlier): the projection must not plan that slot
                    stored.add(session);
                }
                if (!SessionRoster.places(group, membership, enrollment, session.localDate())) {
                    continue;
                }
                countPast(session, enrollment.patientId(), now, past);
            }
            if (enrolled && membership.isActiveOnOrAfter(today)) {
                java.time.LocalDate first = membership.fromDate().isAfter(enrollment.startDate())
                        ? membership.fromDate() : enrollment.startDate();
                ahead.add(new ScheduleAhead(group.schedule(), first, membership.toDate(), stored));
            }
        }
        // Make-up sessions count toward the enrollment they were taken for, in whatever group they were held.
        for (Object[] row : em.createQuery("select g, s from SessionGuest g, GroupSession s"
                        + " where g.enrollmentId = :enrollment and s.id = g.sessionId order by s.startsAt",
                        Object[].class)
                .setParameter("enrollment", enrollment.id()).getResultList()) {
            GroupSession session = (GroupSession) row[1];
            if (SessionRoster.placesGuest((care.mend.schedule.SessionGuest) row[0], enrollment,
                    session.localDate())) {
                countPast(session, enrollment.patientId(), now, past);
            }
        }
        return ProgressCalculator.calculate(past, ahead, now, program.plan().requiredSessions(),
                program.plan().minimumWeeklyMinutes());
    }

    /** A session on whose roster the patient was, as what it was; nothing yet for one still ahead. */
    private void countPast(GroupSession session, UUID patientId, Instant now, List<AttendedSession> past) {
        switch (session.status()) {
            case ENDED -> past.add(attended(session, patientId));
            case NOT_HELD -> past.add(AttendedSession.notHeld(session.localDate()));
            case CANCELLED -> {
                if (session.startsAt().isBefore(now)) {
                    past.add(AttendedSession.cancelled(session.localDate()));
                }
            }
            case SCHEDULED, LIVE -> {
                // still ahead: the projection counts it
            }
        }
    }

    /** The progress of each enrollment of a page, with the patients' display names, in one transaction. */
    public care.mend.platform.Page<EnrollmentProgressResponse> progressOf(
            care.mend.platform.Page<care.mend.program.Enrollment> enrollments) {
        Map<UUID, String> names = new HashMap<>();
        List<UUID> patients = enrollments.items().stream().map(care.mend.program.Enrollment::patientId).toList();
        if (!patients.isEmpty()) {
            for (Object[] row : em.createQuery("select p.id, p.displayName from Patient p where p.id in :ids",
                    Object[].class).setParameter("ids", patients).getResultList()) {
                names.put((UUID) row[0], (String) row[1]);
            }
        }
        return enrollments.map(e -> new EnrollmentProgressResponse(e.id(), e.patientId(), names.get(e.patientId()),
                e.status(), progress(e)));
    }

    private AttendedSession attended(GroupSession session, UUID patientId) {
        List<AttendanceRecord> signed = em.createQuery("select r from AttendanceRecord r where r.sessionId = :s"
                        + " and r.patientId = :p", AttendanceRecord.class)
                .setParameter("s", session.id()).setParameter("p", patientId).getResultList();
        if (!signed.isEmpty()) {
            AttendanceRecord r = signed.get(0);
            return new AttendedSession(session.localDate(), r.currentStatus(), r.currentCredited(),
                    r.currentMinutes());
        }
        SessionAttendance live = calculate(session, Map.of()).get(patientId);
        return live == null ? new AttendedSession(session.localDate(), AttendanceStatus.ABSENT, false, 0)
                : new AttendedSession(session.localDate(), live.status(), live.credited(), live.minutesPresent());
    }

    /** Each expected patient's attendance: the session's roster, and anyone the room admitted. */
    private Map<UUID, SessionAttendance> calculate(GroupSession session, Map<UUID, String> excused) {
        Map<UUID, List<PresenceEvent>> eventsByPatient = expectedPatients(session);
        AttendanceRules rules = rulesOf(session);
        // A session still on (or not opened yet) has live lines, counted up to now: no status until it has ended.
        boolean stillOn = session.status() == GroupSessionStatus.LIVE
                || session.status() == GroupSessionStatus.SCHEDULED;
        Instant now = clock.instant();
        Map<UUID, SessionAttendance> result = new LinkedHashMap<>();
        eventsByPatient.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(entry -> {
                    String reason = excused.get(entry.getKey());
                    SessionAttendance attendance = stillOn
                            ? AttendanceCalculator.live(session.startsAt(), session.endsAt(), now, entry.getValue(),
                                    rules)
                            : AttendanceCalculator.calculate(session.startsAt(), session.endsAt(), session.endedAt(),
                                    entry.getValue(), reason != null, rules);
                    if (reason != null) {
                        attendance = attendance.withExplanation(AttendanceRecord.EXCUSED_BECAUSE + reason.strip());
                    }
                    result.put(entry.getKey(), attendance);
                });
        return result;
    }

    /**
     * The patients expected at the session, with their presence events: those on its roster ({@link Rosters}, the
     * rule the room admits by), and anyone the room admitted, who can only have been let in by the roster of the
     * moment but must appear whatever it says now: the record never hides presence.
     */
    private Map<UUID, List<PresenceEvent>> expectedPatients(GroupSession session) {
        Map<UUID, List<PresenceEvent>> eventsByPatient = new LinkedHashMap<>();
        for (UUID patient : rosters.of(session).patientIds()) {
            eventsByPatient.put(patient, new ArrayList<>());
        }
        Map<String, UUID> patientBySubject = new HashMap<>();
        for (Object[] row : em.createQuery("select p.idpSubject, p.id from Patient p where p.idpSubject in"
                + " (select e.subject from PresenceRecord e where e.sessionId = :s)", Object[].class)
                .setParameter("s", session.id()).getResultList()) {
            patientBySubject.put((String) row[0], (UUID) row[1]);
        }
        for (PresenceRecord record : em.createQuery("select e from PresenceRecord e where e.sessionId = :s"
                + " and e.role = :patient", PresenceRecord.class).setParameter("s", session.id())
                .setParameter("patient", RoomRole.PATIENT).getResultList()) {
            UUID patient = patientBySubject.get(record.subject());
            if (patient != null) {
                eventsByPatient.computeIfAbsent(patient, p -> new ArrayList<>()).add(toEvent(record));
            }
        }
        return eventsByPatient;
    }

    /** The thresholds of the session's program. */
    private AttendanceRules rulesOf(GroupSession session) {
        List<care.mend.program.AttendanceThresholds> found = em.createQuery("select p.attendanceThresholds"
                        + " from Program p, TherapyGroup g where g.id = :g and p.id = g.programId",
                        care.mend.program.AttendanceThresholds.class)
                .setParameter("g", session.groupId()).getResultList();
        care.mend.program.AttendanceThresholds t = found.isEmpty() ? care.mend.program.AttendanceThresholds.DEFAULT
                : found.get(0);
        return new AttendanceRules(java.time.Duration.ofMinutes(t.lateAfterMinutes()),
                java.time.Duration.ofMinutes(t.earlyLeaveMinutes()), t.creditPercent());
    }

    private static PresenceEvent toEvent(PresenceRecord record) {
        return new PresenceEvent(record.sessionId(), new ParticipantId(record.participantId()), record.subject(),
                record.role(), record.kind(), record.modality() == null ? MediaModality.NONE : record.modality(),
                record.occurredAt(), record.idempotencyKey());
    }
}
