package care.mend.security;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Reads the access log: filtered, restricted to what the reader may see ({@link AuditVisibility}), newest first, a
 * page at a time, with the names of people, patients and sites as they are now. The log stores ids only; a rename
 * shows in every row at once, and a name is never copied into the log.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccessLogReader {

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    /** For CDI. */
    public AccessLogReader() {
    }

    /** For tests outside the container. */
    public AccessLogReader(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * @param visibility the reader's restriction; empty for an admin (everything, every name)
     */
    public Page<AuditEntryResponse> list(AuditFilter filter, Optional<AuditVisibility> visibility,
                                         PageRequest page) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        if (filter.personId() != null) {
            where.add("(a.actorStaffId = :person or a.actorPatientId = :person)");
            parameters.put("person", filter.personId());
        }
        if (filter.actorSubject() != null) {
            where.add("a.actorSubject = :subject");
            parameters.put("subject", filter.actorSubject());
        }
        if (filter.patientId() != null) {
            where.add("(a.patientId = :patient or :patient member of a.disclosedPatients)");
            parameters.put("patient", filter.patientId());
        }
        if (filter.action() != null) {
            where.add("a.action in :actions");
            parameters.put("actions", filter.action().storedNames());
        }
        if (filter.outcome() != null) {
            where.add("a.outcome = :outcome");
            parameters.put("outcome", filter.outcome());
        }
        if (filter.siteId() != null) {
            where.add(":site member of a.siteIds");
            parameters.put("site", filter.siteId());
        }
        if (filter.from() != null) {
            where.add("a.occurredAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("a.occurredAt < :to");
            parameters.put("to", filter.to());
        }
        if (visibility.isPresent()) {
            Optional<String> visible = visibleRows(visibility.get(), parameters);
            if (visible.isEmpty()) {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
            where.add(visible.get());
        }
        String from = " from AccessAuditEntry a" + where;
        TypedQuery<Long> count = em.createQuery("select count(a)" + from, Long.class);
        TypedQuery<AccessAuditEntry> select = em.createQuery("select a" + from + " order by a.occurredAt desc, a.id",
                AccessAuditEntry.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<AccessAuditEntry> entries = total == 0 ? List.of()
                : select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(resolve(entries, visibility), page.page(), page.size(), total);
    }

    /**
     * Rows that touched one of the reader's sites; and rows from before V10, which name no site, about a patient the
     * reader may see. Empty when nothing can match.
     */
    private static Optional<String> visibleRows(AuditVisibility visibility, Map<String, Object> parameters) {
        StringJoiner any = new StringJoiner(" or ", "(", ")").setEmptyValue("");
        if (!visibility.sites().isEmpty()) {
            any.add("exists (select x.id from AccessAuditEntry x join x.siteIds s where x.id = a.id"
                    + " and s in :visibleSites)");
            parameters.put("visibleSites", visibility.sites());
        }
        if (!visibility.patients().isEmpty()) {
            any.add("(a.siteIds is empty and a.patientId in :visiblePatients)");
            parameters.put("visiblePatients", visibility.patients());
        }
        return any.length() == 0 ? Optional.empty() : Optional.of(any.toString());
    }

    /** The page's rows with today's names: a few queries per page, never one per row. */
    private List<AuditEntryResponse> resolve(List<AccessAuditEntry> entries, Optional<AuditVisibility> visibility) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = new HashSet<>();
        Set<UUID> staffIds = new HashSet<>();
        Set<UUID> patientIds = new HashSet<>();
        Set<UUID> siteIds = new HashSet<>();
        Set<String> unlinkedSubjects = new HashSet<>();
        for (AccessAuditEntry e : entries) {
            ids.add(e.id());
            addIfPresent(staffIds, e.actorStaffId());
            addIfPresent(patientIds, e.actorPatientId());
            addIfPresent(patientIds, e.patientId());
            addIfPresent(siteIds, e.siteId());
            if (e.actorStaffId() == null && e.actorPatientId() == null) {
                unlinkedSubjects.add(e.actorSubject());
            }
        }
        Map<UUID, Long> patientCounts = new HashMap<>();
        for (Object[] row : em.createQuery("select a.id, count(p) from AccessAuditEntry a join a.disclosedPatients p"
                + " where a.id in :ids group by a.id", Object[].class).setParameter("ids", ids).getResultList()) {
            patientCounts.put((UUID) row[0], (Long) row[1]);
        }
        Map<UUID, String> staffNames = names("select s.id, s.displayName from StaffMember s where s.id in :ids",
                staffIds);
        Map<UUID, String> patientNames = names("select p.id, p.displayName from Patient p where p.id in :ids",
                patientIds);
        Map<UUID, String> siteNames = names("select s.id, s.name from Site s where s.id in :ids", siteIds);
        // Rows from before V10 name the caller by subject only.
        Map<String, Linked> bySubject = new HashMap<>();
        if (!unlinkedSubjects.isEmpty()) {
            for (Object[] row : em.createQuery("select p.idpSubject, p.id, p.displayName from Patient p"
                    + " where p.idpSubject in :subjects", Object[].class)
                    .setParameter("subjects", unlinkedSubjects).getResultList()) {
                bySubject.put((String) row[0], new Linked(null, (UUID) row[1], (String) row[2]));
            }
            for (Object[] row : em.createQuery("select s.idpSubject, s.id, s.displayName from StaffMember s"
                    + " where s.idpSubject in :subjects", Object[].class)
                    .setParameter("subjects", unlinkedSubjects).getResultList()) {
                bySubject.put((String) row[0], new Linked((UUID) row[1], null, (String) row[2]));
            }
        }
        Set<UUID> namedPatients = visibility.map(AuditVisibility::patients).orElse(null);
        return entries.stream().map(e -> {
            UUID staff = e.actorStaffId();
            UUID actorPatient = e.actorPatientId();
            String actorName;
            if (staff != null || actorPatient != null) {
                actorName = staff != null ? staffNames.get(staff) : patientName(patientNames, namedPatients,
                        actorPatient);
            } else {
                Linked linked = bySubject.get(e.actorSubject());
                actorName = linked == null ? null : linked.staffId() != null ? linked.displayName()
                        : namedPatients == null || namedPatients.contains(linked.patientId()) ? linked.displayName()
                        : null;
            }
            return new AuditEntryResponse(e.id(), e.occurredAt(),
                    e.action().map(Enum::name).orElse(e.storedAction()), e.outcome(), staff, actorPatient, actorName,
                    e.actorSubject(), e.actorRoles(), e.patientId(),
                    patientName(patientNames, namedPatients, e.patientId()),
                    patientCounts.getOrDefault(e.id(), 0L).intValue(), e.sessionId(), e.groupId(), e.programId(),
                    e.siteId(), e.siteId() == null ? null : siteNames.get(e.siteId()), e.scopeFilter(),
                    e.resourceType(), e.resourceId(), e.remoteAddress());
        }).toList();
    }

    /** A caller from a row written before V10, linked by subject. */
    private record Linked(UUID staffId, UUID patientId, String displayName) {
    }

    private static String patientName(Map<UUID, String> names, Set<UUID> namedPatients, UUID patientId) {
        if (patientId == null || namedPatients != null && !namedPatients.contains(patientId)) {
            return null;
        }
        return names.get(patientId);
    }

    private Map<UUID, String> names(String query, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : em.createQuery(query, Object[].class).setParameter("ids", ids).getResultList()) {
                names.put((UUID) row[0], (String) row[1]);
            }
        }
        return names;
    }

    private static void addIfPresent(Set<UUID> set, UUID id) {
        if (id != null) {
            set.add(id);
        }
    }
}
