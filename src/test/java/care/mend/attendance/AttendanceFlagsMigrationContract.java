package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.platform.migration.SchemaMigrations;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * V11 on a database that holds records signed before it: LATE and LEFT_EARLY become PRESENT (PARTIAL without credit)
 * in records and amendments, their flags' figures are computed from first_admitted, last_left and the session's
 * times as the calculator computes them, every rewritten word is kept, and the records read back through JPA. The
 * same on H2 and PostgreSQL: the date arithmetic and the vendor halves of the rewrite must agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AttendanceFlagsMigrationContract {

    static final Instant START = Instant.parse("2026-03-03T00:00:00Z");
    static final Instant END = START.plusSeconds(180 * 60);
    /** The program's thresholds: late after 10, leaving early more than 20 minutes before the end. */
    static final AttendanceRules RULES = new AttendanceRules(Duration.ofMinutes(10), Duration.ofMinutes(20), 75);

    final UUID session = UUID.randomUUID();
    final Map<String, UUID> records = new HashMap<>();
    final Map<String, UUID> amendments = new HashMap<>();
    DataSource dataSource;
    EntityManagerFactory emf;

    abstract DataSource startDatabase() throws Exception;

    abstract void stopDatabase() throws Exception;

    /** PostgreSQL only: the ledger still refuses changes once the rewrite is done. */
    void checkTheLedgerIsProtectedAgain(Connection db, UUID record, UUID amendment) throws SQLException {
    }

    @BeforeAll
    void signedBeforeV11ThenMigrated() throws Exception {
        dataSource = startDatabase();
        String vendor;
        try (Connection db = dataSource.getConnection()) {
            vendor = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
        Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .locations(SchemaMigrations.LOCATION, SchemaMigrations.VENDOR_LOCATION_PREFIX + vendor)
                .target("postgresql".equals(vendor) ? "10.1" : "10").load().migrate(); // V10_1 is PostgreSQL's
        try (Connection db = dataSource.getConnection()) {
            ledgerAsOfV10(db);
        }
        emf = TestPersistence.migrateAndValidate(dataSource);
    }

    @AfterAll
    void stop() throws Exception {
        if (emf != null) {
            emf.close();
        }
        stopDatabase();
    }

    /** Synthetic records as V10's Mend signed them, one per old status and the amendments that used the words. */
    private void ledgerAsOfV10(Connection db) throws SQLException {
        UUID site = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        OffsetDateTime created = START.minusSeconds(86_400 * 30).atOffset(ZoneOffset.UTC);
        insert(db, "insert into site (id, name, city, state, time_zone, active, version, created_at)"
                + " values (?, 'Site (synthetic)', 'Jackson', 'TN', 'America/Chicago', true, 0, ?)", site, created);
        insert(db, "insert into program (id, site_id, name, kind, required_sessions, planned_sessions_per_week,"
                + " planned_session_minutes, minimum_weekly_minutes, version, created_at, late_after_minutes,"
                + " early_leave_minutes, credit_percent) values (?, ?, 'IOP (synthetic)', 'MENTAL_HEALTH_IOP', 24, 3,"
                + " 180, 540, 0, ?, 10, 20, 75)", program, site, created);
        insert(db, "insert into therapy_group (id, name, program_id, site_id, capacity, auto_admit, time_zone,"
                + " version, created_at) values (?, 'Group (synthetic)', ?, ?, 8, false, 'America/Chicago', 0, ?)",
                group, program, site, created);
        insert(db, "insert into group_session (id, group_id, local_date, start_local_time, starts_at, ends_at,"
                + " time_zone, status, live_at, ended_at, version, created_at) values (?, ?, ?, ?, ?, ?,"
                + " 'America/Chicago', 'ENDED', ?, ?, 0, ?)", session, group, LocalDate.of(2026, 3, 2),
                LocalTime.of(18, 0), at(START), at(END), at(START.minusSeconds(1800)), at(END), created);
        insert(db, "insert into attendance_sign_off (session_id, signed_by_subject, signed_at) values (?, 'f', ?)",
                session, at(END.plusSeconds(600)));

        record(db, "late", "LATE", true, "LATE", true, minute(25), END);
        record(db, "left early", "LEFT_EARLY", true, "LEFT_EARLY", true, minute(0), minute(150));
        // 10 min 30 s: 10 whole minutes, not over the threshold, but it was signed LATE and stays flagged.
        record(db, "late by seconds", "LATE", true, "LATE", true, START.plusSeconds(630), END);
        record(db, "partial", "PARTIAL", false, "PARTIAL", false, minute(40), minute(130));
        record(db, "absent", "ABSENT", false, "ABSENT", false, null, null);
        record(db, "amended", "PRESENT", true, "LEFT_EARLY", false, minute(2), null);
        amendment(db, "to late", "amended", "PRESENT", true, "LATE", true, 1);
        amendment(db, "to left early", "amended", "LATE", true, "LEFT_EARLY", false, 2);

        // Patient "late" reconnected twice in the session; the drops before the start and after the end are not in it.
        String subject = "subject-late";
        int n = 0;
        for (Instant resumed : List.of(minute(-5), minute(60), minute(90), minute(185))) {
            n++;
            insert(db, "insert into presence_event (id, idempotency_key, session_id, participant_id, subject,"
                    + " room_role, kind, modality, occurred_at, recorded_at) values (?, ?, ?, 'p', ?, 'PATIENT',"
                    + " 'RESUMED', 'AUDIO_VIDEO', ?, ?)", UUID.randomUUID(), session + ":p:" + n, session, subject,
                    at(resumed), at(resumed));
        }
    }

    private void record(Connection db, String name, String original, boolean originalCredited, String current,
                        boolean currentCredited, Instant firstAdmitted, Instant lastLeft) throws SQLException {
        UUID patient = UUID.randomUUID();
        insert(db, "insert into patient (id, idp_subject, display_name, emergency_contact_name,"
                + " emergency_contact_phone, version, created_at) values (?, ?, ?, 'Contact (synthetic)',"
                + " '+1 555 0100', 0, ?)", patient, "subject-" + name, name + " (synthetic)", at(START));
        UUID id = UUID.randomUUID();
        records.put(name, id);
        insert(db, "insert into attendance_record (id, session_id, patient_id, original_status, original_minutes,"
                + " original_credited, current_status, current_minutes, current_credited, minutes_audio_video,"
                + " minutes_audio_only, minutes_no_media, gap_minutes, first_admitted, last_left, scheduled_minutes,"
                + " explanation, version, created_at) values (?, ?, ?, ?, 150, ?, ?, 150, ?, 100, 50, 0, 2, ?, ?, 180,"
                + " 'Signed before V11 (synthetic)', 0, ?)", id, session, patient, original, originalCredited, current,
                currentCredited, at(firstAdmitted), at(lastLeft), at(END.plusSeconds(600)));
    }

    private void amendment(Connection db, String name, String record, String before, boolean beforeCredited,
                           String after, boolean afterCredited, int order) throws SQLException {
        UUID id = UUID.randomUUID();
        amendments.put(name, id);
        insert(db, "insert into attendance_amendment (id, record_id, author_subject, reason, amended_at,"
                + " before_status, after_status, before_minutes, after_minutes, before_credited, after_credited)"
                + " values (?, ?, 's', 'Correction (synthetic)', ?, ?, ?, 150, 150, ?, ?)", id, records.get(record),
                at(END.plusSeconds(3600L * order)), before, after, beforeCredited, afterCredited);
    }

    @Test
    void lateAndLeftEarlyBecomePresentWithTheirFlagsAndNothingElseChanges() {
        Map<UUID, AttendanceRecord> read = TestPersistence.inTransaction(emf, em -> {
            Map<UUID, AttendanceRecord> byId = new HashMap<>();
            for (AttendanceRecord r : em.createQuery("select r from AttendanceRecord r where r.sessionId = :s",
                    AttendanceRecord.class).setParameter("s", session).getResultList()) {
                r.amendments().size();
                byId.put(r.id(), r);
            }
            return byId;
        });
        AttendanceRecord late = read.get(records.get("late"));
        assertThat(late.originalStatus()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(late.currentStatus()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(late.currentCredited()).isTrue();
        assertThat(late.currentMinutes()).as("minutes untouched").isEqualTo(150);
        assertThat(late.flags()).isEqualTo(new AttendanceFlags(25, true, 0, false, 2, 2, 33));

        assertThat(read.get(records.get("left early")).flags())
                .isEqualTo(new AttendanceFlags(0, false, 30, true, 0, 2, 33));
        assertThat(read.get(records.get("left early")).currentStatus()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(read.get(records.get("late by seconds")).flags().lateMinutes()).isEqualTo(10);
        assertThat(read.get(records.get("late by seconds")).flags().late()).as("signed LATE").isTrue();

        AttendanceRecord partial = read.get(records.get("partial"));
        assertThat(partial.currentStatus()).isEqualTo(AttendanceStatus.PARTIAL);
        assertThat(partial.flags()).as("flagged by the figures against the program's thresholds")
                .isEqualTo(new AttendanceFlags(40, true, 50, true, 0, 2, 33));

        assertThat(read.get(records.get("absent")).flags())
                .isEqualTo(new AttendanceFlags(null, false, null, false, 0, 2, 33));

        AttendanceRecord amended = read.get(records.get("amended"));
        assertThat(amended.originalStatus()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(amended.currentStatus()).as("an uncredited LEFT_EARLY is PARTIAL").isEqualTo(AttendanceStatus.PARTIAL);
        assertThat(amended.amendments()).extracting(AttendanceAmendment::beforeStatus)
                .containsExactly(AttendanceStatus.PRESENT, AttendanceStatus.PRESENT);
        assertThat(amended.amendments()).extracting(AttendanceAmendment::afterStatus)
                .containsExactly(AttendanceStatus.PRESENT, AttendanceStatus.PARTIAL);
        assertThat(amended.flags().leftEarly()).as("its current word was LEFT_EARLY").isTrue();
        assertThat(amended.flags().leftEarlyMinutes()).as("never seen leaving: stayed to the end").isZero();
        assertThat(amended.flags().late()).isFalse();
    }

    @Test
    void theMigrationComputesWhatTheCalculatorComputes() {
        Map<String, Instant[]> stays = Map.of("late", new Instant[] {minute(25), END},
                "left early", new Instant[] {minute(0), minute(150)},
                "late by seconds", new Instant[] {START.plusSeconds(630), END},
                "partial", new Instant[] {minute(40), minute(130)});
        TestPersistence.run(emf, em -> stays.forEach((name, stay) -> {
            AttendanceFlags migrated = em.find(AttendanceRecord.class, records.get(name)).flags();
            AttendanceFlags calculated = AttendanceCalculator.flags(START, END, stay[0], stay[1], List.of(),
                    Map.of(), 0, RULES);
            assertThat(migrated.lateMinutes()).as(name).isEqualTo(calculated.lateMinutes());
            assertThat(migrated.leftEarlyMinutes()).as(name).isEqualTo(calculated.leftEarlyMinutes());
        }));
    }

    @Test
    void everyRewrittenWordIsKept() throws SQLException {
        Map<String, String> kept = new HashMap<>();
        try (Connection db = dataSource.getConnection();
             ResultSet rows = db.createStatement().executeQuery("select row_id, column_name, old_status, new_status"
                     + " from attendance_status_before_v11")) {
            while (rows.next()) {
                kept.put(rows.getObject(1, UUID.class) + " " + rows.getString(2),
                        rows.getString(3) + " -> " + rows.getString(4));
            }
        }
        assertThat(kept).hasSize(10)
                .containsEntry(records.get("late") + " attendance_record.original_status", "LATE -> PRESENT")
                .containsEntry(records.get("left early") + " attendance_record.current_status",
                        "LEFT_EARLY -> PRESENT")
                .containsEntry(records.get("amended") + " attendance_record.current_status", "LEFT_EARLY -> PARTIAL")
                .containsEntry(amendments.get("to late") + " attendance_amendment.after_status", "LATE -> PRESENT")
                .containsEntry(amendments.get("to left early") + " attendance_amendment.before_status",
                        "LATE -> PRESENT")
                .containsEntry(amendments.get("to left early") + " attendance_amendment.after_status",
                        "LEFT_EARLY -> PARTIAL");
    }

    @Test
    void theOldWordsCannotComeBack() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.createStatement().executeUpdate(
                    "update attendance_record set current_status = 'LATE' where id = '" + records.get("partial")
                            + "'")).isInstanceOf(SQLException.class);
            checkTheLedgerIsProtectedAgain(db, records.get("late"), amendments.get("to late"));
        }
    }

    @Test
    void theReportCarriesTheFlags() {
        List<AttendanceReportRow> rows = TestPersistence.inTransaction(emf, em -> {
            AttendanceReports reports = new AttendanceReports();
            reports.em = em;
            return reports.export(new AttendanceReportFilter(null, null, null, null, null, null, null), null);
        });
        AttendanceReportRow late = rows.stream().filter(r -> r.recordId().equals(records.get("late"))).findFirst()
                .orElseThrow();

        assertThat(late.status()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(late.flags()).isEqualTo(new AttendanceFlags(25, true, 0, false, 2, 2, 33));
        assertThat(AttendanceCsv.of(List.of(late)).split("\r\n")[1]).contains(",PRESENT,150,100,50,0,2,2,25,true,0,"
                + "false,33,AUDIO_VIDEO,true,");
    }

    private static Instant minute(int minute) {
        return START.plusSeconds(minute * 60L);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static void insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.executeUpdate();
        }
    }
}
