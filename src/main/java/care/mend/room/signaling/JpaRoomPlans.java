package care.mend.room.signaling;

import care.mend.attendance.LocationAttestations;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.Enrollment;
import care.mend.program.Patient;
import care.mend.program.StaffMember;
import care.mend.room.ParticipantName;
import care.mend.room.RoomPlan;
import care.mend.schedule.GroupSession;
import care.mend.schedule.GroupSessionStatus;
import care.mend.schedule.Membership;
import care.mend.schedule.TherapyGroup;
import care.mend.security.AccessAuditLog;
import care.mend.security.AccessPolicy;
import care.mend.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a join's {@link RoomPlan} from the database, in one transaction on the connection's worker: the
 * session must exist and be SCHEDULED or LIVE; {@link AccessPolicy#requireJoinRoom} decides (and audits) whether the
 * caller may join the group's room on the session's day; then the plan names the group's active facilitators and
 * the patients allowed in that day (an active membership and an active enrollment in the group's program), each with
 * the name the room shows (staff: display name; patients: chosen name, and the record for facilitators). A
 * patient's stated location is recorded in the same transaction.
 */
@ApplicationScoped
public class JpaRoomPlans implements RoomPlans {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    @Inject
    AccessAuditLog audit;

    @Inject
    LocationAttestations attestations;

    @Override
    @Transactional(dontRollbackOn = RoomPlans.Refusal.class)
    public RoomPlan planFor(CurrentUser caller, UUID sessionId, String attestedLocation) {
        GroupSession session = em.find(GroupSession.class, sessionId);
        if (session == null) {
            throw new Refusal(SignalingErrorCode.SESSION_NOT_FOUND);
        }
        if (session.status() == GroupSessionStatus.ENDED) {
            throw new Refusal(SignalingErrorCode.SESSION_ENDED);
        }
        if (session.status() != GroupSessionStatus.SCHEDULED && session.status() != GroupSessionStatus.LIVE) {
            throw new Refusal(SignalingErrorCode.SESSION_NOT_JOINABLE);
        }
        LocalDate day = session.localDate();
        try {
            AccessPolicy.forSocket(caller, em, audit).requireJoinRoom(session.groupId(), session.id(), day);
        } catch (MendException e) {
            if (e.code() == ProblemCode.ACCESS_DENIED) {
                throw new Refusal(SignalingErrorCode.ACCESS_DENIED);
            }
            throw e;
        }
        TherapyGroup group = em.find(TherapyGroup.class, session.groupId());
        Map<String, ParticipantName> names = new HashMap<>();
        Set<String> facilitators = new HashSet<>();
        if (!group.facilitatorIds().isEmpty()) {
            for (StaffMember staff : em.createQuery("select s from StaffMember s where s.id in :ids"
                    + " and s.active = true", StaffMember.class)
                    .setParameter("ids", group.facilitatorIds()).getResultList()) {
                facilitators.add(staff.idpSubject());
                names.put(staff.idpSubject(), ParticipantName.staff(staff.displayName()));
            }
        }
        Set<String> patients = allowedPatients(group, day, names);
        if (attestedLocation != null && patients.contains(caller.subject())) {
            em.createQuery("select p.id from Patient p where p.idpSubject = :subject", UUID.class)
                    .setParameter("subject", caller.subject()).getResultStream().findFirst()
                    .ifPresent(patient -> attestations.record(session.id(), patient, attestedLocation));
        }
        return new RoomPlan(session.id(), session.startsAt(), session.endsAt(), facilitators, patients,
                group.isAutoAdmit(), names);
    }

    /** The subjects of the patients allowed in on {@code day}; their names go into {@code names}. */
    private Set<String> allowedPatients(TherapyGroup group, LocalDate day, Map<String, ParticipantName> names) {
        Set<UUID> members = new HashSet<>();
        for (Membership membership : em.createQuery("select m from Membership m where m.groupId = :group",
                Membership.class).setParameter("group", group.id()).getResultList()) {
            if (membership.isActiveOn(day)) {
                members.add(membership.patientId());
            }
        }
        if (members.isEmpty()) {
            return Set.of();
        }
        Set<UUID> enrolled = new HashSet<>();
        for (Enrollment enrollment : em.createQuery("select e from Enrollment e where e.programId = :program"
                + " and e.patientId in :patients", Enrollment.class)
                .setParameter("program", group.programId()).setParameter("patients", members).getResultList()) {
            if (enrollment.isActiveOn(day)) {
                enrolled.add(enrollment.patientId());
            }
        }
        if (enrolled.isEmpty()) {
            return Set.of();
        }
        Set<String> subjects = new HashSet<>();
        for (Patient patient : em.createQuery("select p from Patient p where p.id in :ids", Patient.class)
                .setParameter("ids", enrolled).getResultList()) {
            subjects.add(patient.idpSubject());
            names.putIfAbsent(patient.idpSubject(),
                    ParticipantName.patient(patient.chosenName(), patient.displayName(), patient.id()));
        }
        return subjects;
    }
}
