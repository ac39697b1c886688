package care.mend.attendance;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Reports over the signed ledger: one row per patient and session, filtered, paged, with totals. Unsigned
 * sessions are not in reports (they are listed for supervisors until signed).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AttendanceReports {

    /** The most rows one export returns; narrow the filters beyond that. */
    public static final int EXPORT_LIMIT = 100_000;

    private static final String FROM = " from AttendanceRecord r, GroupSession s, TherapyGroup g, Program p,"
            + " Patient pt, AttendanceSignOff o where r.sessionId = s.id and s.groupId = g.id and g.programId = p.id"
            + " and pt.id = r.patientId and o.sessionId = s.id";

    private static final String EXCUSED = "care.mend.attendance.AttendanceStatus.EXCUSED";

    // The reason of the latest amendment that excused the patient (null when none did): then that reason, not the
    // one given at sign-off, says why. Only looked up for excused rows.
    private static final String EXCUSING_AMENDMENT_REASON = "(case when r.currentStatus = " + EXCUSED
            + " then (select max(a.reason) from AttendanceAmendment a where a.record = r and a.afterStatus = " + EXCUSED
            + " and a.beforeStatus <> " + EXCUSED + " and a.amendedAt = (select max(b.amendedAt) from"
            + " AttendanceAmendment b where b.record = r and b.afterStatus = " + EXCUSED + " and b.beforeStatus <> "
            + EXCUSED + ")) end)";

    private static final String ROW = "select new care.mend.attendance.AttendanceReportRow(r.id, s.id, s.localDate,"
            + " s.timeZone, s.startsAt, s.endsAt, s.liveAt, s.endedAt, g.siteId, p.id, p.name, g.id, g.name, pt.id,"
            + " pt.displayName, r.firstAdmitted, r.lastLeft, r.currentStatus, r.currentMinutes,"
            + " r.currentMinutesAudioVideo, r.currentMinutesAudioOnly, r.currentMinutesNoMedia, r.gapMinutes,"
            + " r.lateMinutes, r.lateFlagged, r.leftEarlyMinutes, r.leftEarlyFlagged, r.gapCount,"
            + " r.minutesAudioVideo, r.minutesAudioOnly, r.minutesNoMedia,"
            + " r.currentCredited, (case when r.originalStatus <> r.currentStatus or r.originalMinutes <>"
            + " r.currentMinutes or r.originalCredited <> r.currentCredited or r.minutesAudioVideo <>"
            + " r.currentMinutesAudioVideo or r.minutesAudioOnly <> r.currentMinutesAudioOnly or r.minutesNoMedia <>"
            + " r.currentMinutesNoMedia then true else false end), o.signedBySubject, r.attestedLocation,"
            + " r.explanation, " + EXCUSING_AMENDMENT_REASON + ", r.originalStatus, r.originalMinutes,"
            + " r.originalCredited)";

    /** Record ids per query for the rows' latest amendments: well inside every database's limit on parameters. */
    private static final int AMENDMENT_LOOKUP_CHUNK = 1000;

    @PersistenceContext(unitName = "mend")
    EntityManager em;

    /** Totals over all rows of the filter, not just the page. */
    public record Totals(long rows, long minutes, long credited, long audioOnlyMinutes) {
    }

    public record Report(Page<AttendanceReportRow> page, Totals totals) {
    }

    /**
     * @param visibleGroups the caller's reach from the access policy (null: unrestricted; empty: nothing)
     */
    public Report report(AttendanceReportFilter filter, Collection<UUID> visibleGroups, PageRequest page) {
        if (visibleGroups != null && visibleGroups.isEmpty()) {
            return new Report(new Page<>(List.of(), page.page(), page.size(), 0), new Totals(0, 0, 0, 0));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = conditions(filter, visibleGroups, parameters);
        TypedQuery<Object[]> totalsQuery = em.createQuery("select count(r), coalesce(sum(r.currentMinutes), 0),"
                + " coalesce(sum(case when r.currentCredited = true then 1 else 0 end), 0),"
                + " coalesce(sum(r.currentMinutesAudioOnly), 0)" + FROM + where, Object[].class);
        parameters.forEach(totalsQuery::setParameter);
        Object[] sums = totalsQuery.getSingleResult();
        Totals totals = new Totals(number(sums[0]), number(sums[1]), number(sums[2]), number(sums[3]));
        List<AttendanceReportRow> rows = totals.rows() == 0 ? List.of()
                : rows(where, parameters, page.offset(), page.size());
        return new Report(new Page<>(rows, page.page(), page.size(), totals.rows()), totals);
    }

    /** All rows of the filter for an export, up to {@link #EXPORT_LIMIT}. */
    public List<AttendanceReportRow> export(AttendanceReportFilter filter, Collection<UUID> visibleGroups) {
        if (visibleGroups != null && visibleGroups.isEmpty()) {
            return List.of();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        return rows(conditions(filter, visibleGroups, parameters), parameters, 0, EXPORT_LIMIT);
    }

    /** The enrollments of these patients, for the FHIR export's episodes of care. */
    public List<care.mend.program.Enrollment> enrollmentsOf(Collection<UUID> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from Enrollment e where e.patientId in :patients",
                care.mend.program.Enrollment.class).setParameter("patients", patients).getResultList();
    }

    private List<AttendanceReportRow> rows(String where, Map<String, Object> parameters, int offset, int limit) {
        TypedQuery<AttendanceReportRow> query = em.createQuery(ROW + FROM + where + " order by s.startsAt, g.id, pt.id",
                AttendanceReportRow.class);
        parameters.forEach(query::setParameter);
        return withLatestAmendments(query.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    /**
     * The rows with their records' latest amendments (author resolved to a staff record by subject, when there is
     * one), looked up by record id in chunks: one query per chunk, whatever the number of amended rows.
     */
    private List<AttendanceReportRow> withLatestAmendments(List<AttendanceReportRow> rows) {
        // Columns, not entities: an amendment entity would load its record, and the record all its amendments.
        Map<UUID, Object[]> latest = new java.util.HashMap<>();
        for (int from = 0; from < rows.size(); from += AMENDMENT_LOOKUP_CHUNK) {
            List<UUID> ids = rows.subList(from, Math.min(rows.size(), from + AMENDMENT_LOOKUP_CHUNK)).stream()
                    .map(AttendanceReportRow::recordId).toList();
            for (Object[] found : em.createQuery("select a.record.id, a.amendedAt, a.authorSubject, a.reason,"
                    + " a.creditOverrideReason from AttendanceAmendment a where a.record.id in :ids"
                    + " order by a.amendedAt, a.id", Object[].class).setParameter("ids", ids).getResultList()) {
                latest.put((UUID) found[0], found);
            }
        }
        if (latest.isEmpty()) {
            return rows;
        }
        java.util.Set<String> authors = new java.util.HashSet<>();
        latest.values().forEach(a -> authors.add((String) a[2]));
        Map<String, Object[]> staff = new java.util.HashMap<>();
        for (Object[] person : em.createQuery("select s.idpSubject, s.id, s.displayName from StaffMember s"
                + " where s.idpSubject in :subjects", Object[].class).setParameter("subjects", authors)
                .getResultList()) {
            staff.put((String) person[0], person);
        }
        return rows.stream().map(row -> {
            Object[] a = latest.get(row.recordId());
            if (a == null) {
                return row;
            }
            Object[] author = staff.get((String) a[2]);
            return row.withAmendment(new AttendanceReportRow.LatestAmendment((java.time.Instant) a[1], (String) a[2],
                    author == null ? null : (UUID) author[1], author == null ? null : (String) author[2],
                    (String) a[3], (String) a[4]));
        }).toList();
    }

    private static String conditions(AttendanceReportFilter f, Collection<UUID> visibleGroups,
                                     Map<String, Object> parameters) {
        StringJoiner where = new StringJoiner("").setEmptyValue("");
        add(where, parameters, "g.siteId = :site", "site", f.siteId());
        add(where, parameters, "p.id = :program", "program", f.programId());
        add(where, parameters, "g.id = :group", "group", f.groupId());
        add(where, parameters, ":facilitator member of g.facilitatorIds", "facilitator", f.facilitatorId());
        add(where, parameters, "pt.id = :patient", "patient", f.patientId());
        add(where, parameters, "s.localDate >= :from", "from", f.from());
        add(where, parameters, "s.localDate <= :to", "to", f.to());
        add(where, parameters, "g.id in :visible", "visible", visibleGroups);
        return where.toString();
    }

    private static void add(StringJoiner where, Map<String, Object> parameters, String condition, String name,
                            Object value) {
        if (value != null) {
            where.add(" and " + condition);
            parameters.put(name, value);
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
