package care.mend.security;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one request's decision into one row of the access log, for {@link AccessPolicy}: finds the caller's staff and
 * patient records (once per request), completes the scope the request names (a session's group, a group's or
 * program's site), and works out the sites the request touched, which is what a supervisor's view of the log is
 * filtered by:
 * <ol>
 *   <li>the sites of the data returned, and the site the scope names;</li>
 *   <li>failing those, the sites where the patients concerned are enrolled;</li>
 *   <li>failing those (a refused report without filters, a report that found nothing), the caller's own sites: where
 *       a staff member works or facilitates, where a patient is enrolled.</li>
 * </ol>
 */
final class AuditTrail {

    /** Bound parameters per IN list: well below PostgreSQL's 32,767 per statement. */
    private static final int CHUNK = 1000;

    private final CurrentUser user;
    private final EntityManager em;
    private final AccessAuditLog log;
    private AuditActor actor;

    AuditTrail(CurrentUser user, EntityManager em, AccessAuditLog log) {
        this.user = Objects.requireNonNull(user, "user");
        this.em = Objects.requireNonNull(em, "em");
        this.log = Objects.requireNonNull(log, "log");
    }

    void denied(AuditedAccess access) {
        log.record(entry(access, AccessOutcome.DENIED, Disclosure.NOTHING));
    }

    void allowed(AuditedAccess access, Disclosure disclosed) {
        log.record(entry(access, AccessOutcome.ALLOWED, disclosed));
    }

    /** An allowed change, written in the change's transaction. */
    void changed(AuditedAccess access, Disclosure disclosed) {
        log.recordWithChange(entry(access, AccessOutcome.ALLOWED, disclosed));
    }

    /** The caller with their records, looked up once. An inactive staff member is still who they are. */
    AuditActor actor() {
        if (actor == null) {
            UUID staff = first(em.createQuery("select s.id from StaffMember s where s.idpSubject = :subject",
                    UUID.class).setParameter("subject", user.subject()).getResultList());
            UUID patient = first(em.createQuery("select p.id from Patient p where p.idpSubject = :subject",
                    UUID.class).setParameter("subject", user.subject()).getResultList());
            actor = new AuditActor(user, staff, patient);
        }
        return actor;
    }

    private AccessAuditEntry entry(AuditedAccess access, AccessOutcome outcome, Disclosure disclosed) {
        AuditedAccess scoped = completeScope(access);
        return new AccessAuditEntry(log.now(), actor(), scoped, outcome, disclosed.patients(),
                sitesTouched(scoped, disclosed));
    }

    /** The session's group and the group's (or program's) site, where the request named only the narrower one. */
    private AuditedAccess completeScope(AuditedAccess access) {
        AuditedAccess a = access;
        if (a.sessionId() != null && a.groupId() == null) {
            UUID group = first(em.createQuery("select s.groupId from GroupSession s where s.id = :id", UUID.class)
                    .setParameter("id", a.sessionId()).getResultList());
            a = a.group(group);
        }
        if (a.siteId() == null && a.groupId() != null) {
            a = a.site(first(em.createQuery("select g.siteId from TherapyGroup g where g.id = :id", UUID.class)
                    .setParameter("id", a.groupId()).getResultList()));
        }
        if (a.siteId() == null && a.programId() != null) {
            a = a.site(first(em.createQuery("select p.siteId from Program p where p.id = :id", UUID.class)
                    .setParameter("id", a.programId()).getResultList()));
        }
        return a;
    }

    private Set<UUID> sitesTouched(AuditedAccess access, Disclosure disclosed) {
        Set<UUID> sites = new LinkedHashSet<>(disclosed.sites());
        if (access.siteId() != null) {
            sites.add(access.siteId());
        }
        if (sites.isEmpty()) {
            Set<UUID> patients = new LinkedHashSet<>(disclosed.patients());
            if (access.patientId() != null) {
                patients.add(access.patientId());
            }
            sites.addAll(enrollmentSites(patients));
        }
        if (sites.isEmpty()) {
            sites.addAll(actorSites());
        }
        return sites;
    }

    private Set<UUID> enrollmentSites(Collection<UUID> patients) {
        Set<UUID> sites = new LinkedHashSet<>();
        List<UUID> all = new ArrayList<>(patients);
        for (int from = 0; from < all.size(); from += CHUNK) {
            sites.addAll(em.createQuery("select distinct p.siteId from Enrollment e, Program p"
                            + " where e.programId = p.id and e.patientId in :patients", UUID.class)
                    .setParameter("patients", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .getResultList());
        }
        return sites;
    }

    private Set<UUID> actorSites() {
        AuditActor a = actor();
        Set<UUID> sites = new LinkedHashSet<>();
        if (a.staffId() != null) {
            sites.addAll(em.createQuery("select site from StaffMember s join s.siteIds site where s.id = :id",
                    UUID.class).setParameter("id", a.staffId()).getResultList());
            sites.addAll(em.createQuery("select distinct g.siteId from TherapyGroup g"
                    + " where :staff member of g.facilitatorIds", UUID.class)
                    .setParameter("staff", a.staffId()).getResultList());
        }
        if (a.patientId() != null) {
            sites.addAll(enrollmentSites(List.of(a.patientId())));
        }
        return sites;
    }

    private static UUID first(List<UUID> results) {
        return results.isEmpty() ? null : results.get(0);
    }
}
