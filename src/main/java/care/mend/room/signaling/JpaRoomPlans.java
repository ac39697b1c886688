package care.mend.room.signaling;

import care.mend.attendance.LocationAttestations;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
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
import java.util.UUID;

/**
 * Reads a join's {@link RoomPlan} from the database, in one transaction on the connection's worker: the
 * session must exist and be SCHEDULED or LIVE; its {@link SessionRoster} is read once ({@link Rosters}); the access
 * policy decides (and audits) from that roster whether the caller may join ({@link AccessPolicy#requireJoinRoom});
 * and the plan carries the same roster to the room, which admits by it. A patient's stated location is recorded in
 * the same transaction.
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
            throw e;
        }
        if (attestedLocation != null) {
            roster.patientWithSubject(caller.subject()).ifPresent(
                    patient -> attestations.record(session.id(), patient.patientId(), attestedLocation));
        }
        TherapyGroup group = em.find(TherapyGroup.class, session.groupId());
        return planOf(session, roster, group.isAutoAdmit());
    }

    /** The room's view of the roster: every facilitator and patient on it, by subject. */
    static RoomPlan planOf(GroupSession session, SessionRoster roster, boolean autoAdmit) {
        return new RoomPlan(session.id(), session.startsAt(), session.endsAt(), roster.facilitatorSubjects(),
                roster.patientSubjects(), autoAdmit);
    }
}
