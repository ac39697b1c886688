package care.mend.bench;

import care.mend.TestPersistence;
import care.mend.attendance.AttendanceReportFilter;
import care.mend.attendance.AttendanceReports;
import care.mend.platform.PageRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How fast the attendance reports are on a year of data: 600 patients in 50 groups, 80 signed sessions a group
 * (48,000 patient-session rows) and 21 presence events per row (about a million), on a real PostgreSQL. Prints
 * figures; asserts nothing about time. Run with {@code mvn -Pbenchmarks test}.
 */
@Tag("benchmark")
class AttendanceReportBenchmark {

    private static final int GROUPS = 50;
    private static final int PATIENTS_PER_GROUP = 12;
    private static final int SESSIONS_PER_GROUP = 80;
    private static final int EVENTS_PER_ROW = 21;
    private static final int WARM_UP = 10;
    private static final int RUNS = 30;

    @Test
    void programReportAndPatientHistory() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            EntityManagerFactory emf = TestPersistence.migrateAndValidate(dataSource);
            long loadStart = System.nanoTime();
            load(dataSource);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            UUID program;
            UUID patient;
            long rows;
            long events;
            try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
                program = uuid(sql, "select id from program order by name limit 1");
                patient = uuid(sql, "select id from patient order by display_name limit 1");
                rows = count(sql, "select count(*) from attendance_record");
                events = count(sql, "select count(*) from presence_event");
                sql.execute("analyze");
            }
            EntityManager em = emf.createEntityManager();
            AttendanceReports reports = new AttendanceReports();
            setEntityManager(reports, em);
            PageRequest firstPage = new PageRequest(0, 50);
            AttendanceReportFilter programFilter = new AttendanceReportFilter(null, program, null, null, null, null,
                    null);
            AttendanceReportFilter patientFilter = new AttendanceReportFilter(null, null, null, null, patient, null,
                    null);
            double[] programReport = time(() -> reports.report(programFilter, null, firstPage));
            double[] patientHistory = time(() -> reports.report(patientFilter, null, new PageRequest(0, 200)));
            double[] programExport = time(() -> reports.export(programFilter, null));
            em.close();
            emf.close();

            System.out.printf(Locale.ROOT, "%nAttendance report benchmark (PostgreSQL %s, %d runs after %d warm-up)%n",
                    "embedded", RUNS, WARM_UP);
            System.out.printf(Locale.ROOT, "data: %,d patient-session rows, %,d presence events, loaded in %.1f s%n",
                    rows, events, loadSeconds);
            System.out.printf(Locale.ROOT, "%-40s %8s %8s %8s%n", "query", "p50 ms", "p95 ms", "max ms");
            print("program report, first page of 50 + totals", programReport);
            print("one patient's history (all rows)", patientHistory);
            print("program export (all rows, ~9,600)", programExport);
        }
    }

    private static void load(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("insert into site (id, name, city, state, time_zone, active, version, created_at)"
                    + " select gen_random_uuid(), 'Bench site ' || n, 'Jackson', 'TN', 'America/Chicago', true, 0,"
                    + " now() from generate_series(1, 5) n");
            sql.execute("insert into program (id, site_id, name, kind, required_sessions, planned_sessions_per_week,"
                    + " planned_session_minutes, minimum_weekly_minutes, version, created_at)"
                    + " select gen_random_uuid(), s.id, 'Bench program ' || s.name, 'DUAL_DIAGNOSIS', 30, 4, 180, 540,"
                    + " 0, now() from site s");
            sql.execute("insert into therapy_group (id, name, program_id, site_id, capacity, auto_admit, time_zone,"
                    + " version, created_at) select gen_random_uuid(), 'Bench group ' || p.name || ' ' || n, p.id,"
                    + " p.site_id, 12, false, 'America/Chicago', 0, now() from program p, generate_series(1, "
                    + (GROUPS / 5) + ") n");
            sql.execute("create temporary table bench_member as select g.id as group_id, g.program_id,"
                    + " gen_random_uuid() as patient_id, n from therapy_group g, generate_series(1, "
                    + PATIENTS_PER_GROUP + ") n");
            sql.execute("insert into patient (id, idp_subject, display_name, emergency_contact_name,"
                    + " emergency_contact_phone, version, created_at) select patient_id, 'bench-' || patient_id,"
                    + " 'Bench patient ' || patient_id, 'Contact', '+1 555 0100', 0, now() from bench_member");
            sql.execute("insert into group_session (id, group_id, local_date, start_local_time, starts_at, ends_at,"
                    + " time_zone, status, live_at, ended_at, version, created_at)"
                    + " select gen_random_uuid(), g.id, date '2025-11-03' + (n * 4), time '18:00',"
                    + " (date '2025-11-03' + (n * 4)) + time '23:00', (date '2025-11-03' + (n * 4)) + time '23:00'"
                    + " + interval '3 hours', 'America/Chicago', 'ENDED', (date '2025-11-03' + (n * 4))"
                    + " + time '23:00', (date '2025-11-03' + (n * 4)) + time '23:00' + interval '3 hours', 0, now()"
                    + " from therapy_group g, generate_series(0, " + (SESSIONS_PER_GROUP - 1) + ") n");
            sql.execute("insert into attendance_sign_off (session_id, signed_by_subject, signed_at)"
                    + " select id, 'bench-facilitator', ends_at + interval '1 hour' from group_session");
            sql.execute("insert into attendance_record (id, session_id, patient_id, original_status,"
                    + " original_minutes, original_credited, current_status, current_minutes, current_credited,"
                    + " minutes_audio_video, minutes_audio_only, minutes_no_media, gap_minutes, first_admitted,"
                    + " last_left, scheduled_minutes, explanation, version, created_at)"
                    + " select gen_random_uuid(), s.id, m.patient_id, 'PRESENT', 170, true, 'PRESENT', 170, true,"
                    + " 120, 50, 0, 3, s.starts_at, s.ends_at, 180, 'bench', 0, now()"
                    + " from group_session s join bench_member m on m.group_id = s.group_id");
            sql.execute("insert into presence_event (id, idempotency_key, session_id, participant_id, subject,"
                    + " room_role, kind, modality, occurred_at, recorded_at)"
                    + " select gen_random_uuid(), r.id || ':' || k, r.session_id, 'p-' || r.patient_id,"
                    + " 'bench-' || r.patient_id, 'PATIENT', (array['ADMITTED','MODALITY_CHANGED','CONNECTION_LOST',"
                    + "'RESUMED'])[1 + (k % 4)], 'AUDIO_VIDEO', r.first_admitted + (k * interval '8 minutes'), now()"
                    + " from attendance_record r, generate_series(1, " + EVENTS_PER_ROW + ") k");
        }
    }

    private static double[] time(Supplier<?> query) {
        for (int i = 0; i < WARM_UP; i++) {
            query.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void print(String name, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-40s %8.1f %8.1f %8.1f%n", name, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1]);
    }

    private static UUID uuid(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return (UUID) rs.getObject(1);
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setEntityManager(AttendanceReports reports, EntityManager em) throws Exception {
        var field = AttendanceReports.class.getDeclaredField("em");
        field.setAccessible(true);
        field.set(reports, em);
    }
}
