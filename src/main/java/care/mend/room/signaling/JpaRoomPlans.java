package care.mend.room.signaling;

import care.mend.attendance.LocationAttestations;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.Patient;
import care.mend.program.StaffMember;
import care.mend.room.ParticipantName;
import care.mend.room.RoomPlan;
import care.mend.schedule.GroupSession;
import care.mend.schedule.GroupSessionStatus;
import care.mend.schedule.Rosters;
import care.mend.schedule.SessionRoster;
import care.mend.schedule.TherapyGroup;
import care.mend.security.AccessAuditLog;
import care.mend.security.AccessPolicy;
import care.mend.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import care.mend.program.Jurisdiction;
import care.mend.program.Licensure;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a join's {@link RoomPlan} from the database, in one transaction on the connection's worker: the
 * session must exist and be SCHEDULED or LIVE; its {@link SessionRoster} is read once ({@link Rosters}); the access
 * policy decides (and audits) from that roster whether the caller may join ({@link AccessPolicy#requireJoinRoom});
 * and the plan carries the same roster to the room, which admits by it, with the name the room shows for each person
 * (staff: display name; patients: chosen name, and the record for facilitators). A patient's stated location is
 * recorded in the same transaction. A patient without the program's consent texts accepted is refused with
 * {@link SignalingErrorCode#CONSENT_REQUIRED} (the policy decides it with the join).
 */
@ApplicationScoped
public class JpaRoomPlans implements RoomPlans {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    @Inject
    AccessAuditLog audit;

    @Inject
    LocationAttestations attestations;

    @Inject
    Rosters rosters;

    @Override
    @Transactional(dontRollbackOn = RoomPlans.Refusal.class)
    public RoomPlan planFor(CurrentUser caller, UUID sessionId, String attestedLocation) {
        return planFor(caller, sessionId, attestedLocation, null);
    }

    @Override
    @Transactional(dontRollbackOn = RoomPlans.Refusal.class)
    public RoomPlan planFor(CurrentUser caller, UUID sessionId, String attestedLocation, Jurisdiction jurisdiction) {
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
        SessionRoster roster = rosters.of(session);
        try {
            AccessPolicy.forSocket(caller, em, audit).requireJoinRoom(roster);
        } catch (MendException e) {
            if (e.code() == ProblemCode.ACCESS_DENIED) {
                throw new Refusal(SignalingErrorCode.ACCESS_DENIED);
            }
            if (e.code() == ProblemCode.CONSENT_REQUIRED) {
                throw new Refusal(SignalingErrorCode.CONSENT_REQUIRED);
            }
            throw e;
        }
        if (attestedLocation != null) {
            roster.patientWithSubject(caller.subject()).ifPresent(
                    patient -> attestations.record(session.id(), patient.patientId(), attestedLocation,
                            jurisdiction));
        }
        TherapyGroup group = em.find(TherapyGroup.class, session.groupId());
        List<StaffMember> facilitators = facilitatorsOf(roster);
        return planOf(session, roster, group.isAutoAdmit(), namesOf(roster, facilitators))
                .withOutsideLicensure(outsideLicensure(session, roster, facilitators));
    }

    /**
     * The roster's patients whose latest statement for the session is outside every licensed state of its
     * facilitators: the rule is {@link Licensure}'s; this only gathers its inputs.
     */
    private Set<String> outsideLicensure(GroupSession session, SessionRoster roster, List<StaffMember> facilitators) {
        List<Set<String>> licensed = facilitators.stream().map(StaffMember::licensedStates).toList();
        Map<UUID, LocationAttestations.Statement> statements = attestations.latestStatementsFor(session.id());
        Set<String> outside = new HashSet<>();
        for (SessionRoster.PatientEntry patient : roster.patients()) {
            LocationAttestations.Statement said = statements.get(patient.patientId());
            if (said != null && Licensure.outsideLicensure(said.jurisdiction(), licensed)) {
                outside.add(patient.subject());
            }
        }
        return outside;
    }

    private List<StaffMember> facilitatorsOf(SessionRoster roster) {
        List<UUID> staffIds = roster.facilitators().stream().map(SessionRoster.FacilitatorEntry::staffId).toList();
        return staffIds.isEmpty() ? List.of() : em.createQuery("select s from StaffMember s where s.id in :ids",
                StaffMember.class).setParameter("ids", staffIds).getResultList();
    }

    /** The room's view of the roster: every facilitator and patient on it, by subject, with their names. */
    static RoomPlan planOf(GroupSession session, SessionRoster roster, boolean autoAdmit,
                           Map<String, ParticipantName> names) {
        return new RoomPlan(session.id(), session.startsAt(), session.endsAt(), roster.facilitatorSubjects(),
                roster.patientSubjects(), autoAdmit, names);
    }

    /** How the room names each person on the roster: staff by display name, patients by chosen name. */
    private Map<String, ParticipantName> namesOf(SessionRoster roster, List<StaffMember> facilitators) {
        Map<String, ParticipantName> names = new HashMap<>();
        if (!roster.patientIds().isEmpty()) {
            for (Patient patient : em.createQuery("select p from Patient p where p.id in :ids", Patient.class)
                    .setParameter("ids", roster.patientIds()).getResultList()) {
                names.put(patient.idpSubject(),
                        ParticipantName.patient(patient.chosenName(), patient.displayName(), patient.id()));
            }
        }
        for (StaffMember staff : facilitators) {
            // Staff win over a patient record with the same subject, as the roster's role does.
            names.put(staff.idpSubject(), ParticipantName.staff(staff.displayName()));
        }
        return names;
    }
}
