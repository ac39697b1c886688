package care.mend.room.signaling;

import care.mend.attendance.LicensureOverrides;
import care.mend.attendance.LocationAttestations;
import care.mend.program.Jurisdiction;
import care.mend.program.Patient;
import care.mend.room.Admission;
import care.mend.schedule.GroupSession;
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
 * Writes an admission outside licensure: the {@code licensure_override} row, with what the patient had stated (their
 * latest statement for the session), and its access-log row ({@link AccessPolicy#admitOutsideLicensure}), in one
 * transaction. The room decided; this writes down.
 */
@ApplicationScoped
public class JpaOverrideRecords implements OverrideRecords {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    @Inject
    AccessAuditLog audit;

    @Inject
    LicensureOverrides overrides;

    @Inject
    LocationAttestations attestations;

    @Override
    @Transactional
    public void record(CurrentUser caller, UUID sessionId, Admission admission) {
        if (!admission.overridden()) {
            throw new IllegalArgumentException("not an override");
        }
        GroupSession session = em.find(GroupSession.class, sessionId);
        Patient patient = em.createQuery("select p from Patient p where p.idpSubject = :s", Patient.class)
                .setParameter("s", admission.patientSubject()).getResultList().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("an admitted patient without a record"));
        Jurisdiction stated = attestations.latestStatementsFor(sessionId).get(patient.id()).jurisdiction();
        UUID staffId = em.createQuery("select s.id from StaffMember s where s.idpSubject = :s", UUID.class)
                .setParameter("s", admission.facilitatorSubject()).getResultList().stream().findFirst().orElse(null);
        AccessPolicy.forSocket(caller, em, audit).admitOutsideLicensure(session.groupId(), sessionId, patient.id(),
                () -> overrides.record(sessionId, patient.id(), stated, admission.overrideReason(),
                        admission.facilitatorSubject(), staffId, admission.at()));
    }
}
