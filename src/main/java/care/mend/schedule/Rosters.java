package care.mend.schedule;

import care.mend.program.Enrollment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Computes a session's {@link SessionRoster} from the database: the one query service behind the room's admission,
 * the access policy's join decision, the attendance sheet and progress. Runs in the caller's transaction (the
 * join's, the sheet's), so the roster and what is done with it see the same rows.
 */
@ApplicationScoped
public class Rosters {

    // A patient with two enrollments covering one day (an ended one's last day and a new one's first): the later
    // one is the reason given.
    private static final Comparator<Enrollment> LATEST_FIRST = Comparator.comparing(Enrollment::startDate)
            .thenComparing(Enrollment::createdAt).reversed();

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    protected Rosters() {
        // for CDI
    }

    /** For tests and services outside the container. */
    public Rosters(EntityManager em) {
        this.em = em;
    }

    /** The session's roster on its local day. */
    public SessionRoster of(GroupSession session) {
        TherapyGroup group = em.find(TherapyGroup.class, session.groupId());
        LocalDate day = session.localDate();
        List<SessionRoster.FacilitatorEntry> facilitators = new ArrayList<>();
        if (!group.facilitatorIds().isEmpty()) {
            for (Object[] row : em.createQuery("select s.id, s.idpSubject from StaffMember s where s.id in :ids"
                    + " and s.active = true", Object[].class)
                    .setParameter("ids", group.facilitatorIds()).getResultList()) {
                facilitators.add(new SessionRoster.FacilitatorEntry((UUID) row[0], (String) row[1]));
            }
        }
        facilitators.sort(Comparator.comparing(SessionRoster.FacilitatorEntry::staffId));
        List<SessionRoster.PatientEntry> patients = new ArrayList<>(
                session.rostersMembers() ? patients(group, day) : List.of());
        addGuests(session, patients);
        return new SessionRoster(session.id(), group.id(), day, facilitators, patients);
    }

    /**
     * The session's make-up guests whose enrollment covers its day ({@link SessionRoster#placesGuest}), after the
     * members, in the order they were added; a member is never listed twice (the service refuses such a guest).
     */
    private void addGuests(GroupSession session, List<SessionRoster.PatientEntry> patients) {
        List<SessionGuest> guests = em.createQuery("select g from SessionGuest g where g.sessionId = :session"
                + " order by g.addedAt, g.id", SessionGuest.class).setParameter("session", session.id())
                .getResultList();
        if (guests.isEmpty()) {
            return;
        }
        Map<UUID, Enrollment> enrollments = new HashMap<>();
        for (Enrollment e : em.createQuery("select e from Enrollment e where e.id in :ids", Enrollment.class)
                .setParameter("ids", guests.stream().map(SessionGuest::enrollmentId).toList()).getResultList()) {
            enrollments.put(e.id(), e);
        }
        Map<UUID, String> subjects = new HashMap<>();
        for (Object[] row : em.createQuery("select p.id, p.idpSubject from Patient p where p.id in :ids",
                Object[].class).setParameter("ids", guests.stream().map(SessionGuest::patientId).toList())
                .getResultList()) {
            subjects.put((UUID) row[0], (String) row[1]);
        }
        java.util.Set<UUID> listed = new java.util.HashSet<>();
        patients.forEach(p -> listed.add(p.patientId()));
        for (SessionGuest guest : guests) {
            Enrollment enrollment = enrollments.get(guest.enrollmentId());
            if (SessionRoster.placesGuest(guest, enrollment, session.localDate()) && listed.add(guest.patientId())) {
                patients.add(SessionRoster.PatientEntry.guest(guest.patientId(), subjects.get(guest.patientId()),
                        guest.id(), guest.enrollmentId()));
            }
        }
    }

    private List<SessionRoster.PatientEntry> patients(TherapyGroup group, LocalDate day) {
        Map<UUID, List<Membership>> membershipsByPatient = new HashMap<>();
        for (Membership membership : em.createQuery("select m from Membership m where m.groupId = :group",
                Membership.class).setParameter("group", group.id()).getResultList()) {
            membershipsByPatient.computeIfAbsent(membership.patientId(), p -> new ArrayList<>()).add(membership);
        }
        if (membershipsByPatient.isEmpty()) {
            return List.of();
        }
        List<Enrollment> enrollments = new ArrayList<>(em.createQuery("select distinct e from Enrollment e"
                        + " left join fetch e.history where e.programId = :program and e.patientId in :patients",
                        Enrollment.class)
                .setParameter("program", group.programId()).setParameter("patients", membershipsByPatient.keySet())
                .getResultList());
        enrollments.sort(LATEST_FIRST);
        Map<UUID, Membership> byMembership = new HashMap<>();
        Map<UUID, Enrollment> byEnrollment = new HashMap<>();
        for (Enrollment enrollment : enrollments) {
            for (Membership membership : membershipsByPatient.get(enrollment.patientId())) {
                if (!byEnrollment.containsKey(enrollment.patientId())
                        && SessionRoster.places(group, membership, enrollment, day)) {
                    byMembership.put(enrollment.patientId(), membership);
                    byEnrollment.put(enrollment.patientId(), enrollment);
                }
            }
        }
        if (byEnrollment.isEmpty()) {
            return List.of();
        }
        List<SessionRoster.PatientEntry> patients = new ArrayList<>();
        for (Object[] row : em.createQuery("select p.id, p.idpSubject from Patient p where p.id in :ids",
                Object[].class).setParameter("ids", byEnrollment.keySet()).getResultList()) {
            UUID patientId = (UUID) row[0];
            patients.add(new SessionRoster.PatientEntry(patientId, (String) row[1],
                    byMembership.get(patientId).id(), byEnrollment.get(patientId).id()));
        }
        patients.sort(Comparator.comparing(SessionRoster.PatientEntry::patientId));
        return patients;
    }
}
