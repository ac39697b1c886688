package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.TestPersistence;
import care.mend.platform.migration.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V12 on a ledger signed and amended before it, on H2 and PostgreSQL: a record's current split and explanation start
 * as signed, and an earlier amendment keeps no split (it stated none) and no override reason.
 */
class AmendmentMigrationTest {

    static final String RECORD = "00000000-0000-4000-8000-0000000000a1";

    @Test
    void onH2() {
        check(TestPersistence.h2("amendment-migration"), "h2", "set referential_integrity false");
    }

    @Test
    void onPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            // As a superuser: no foreign-key or append-only triggers while the old rows are written by hand.
            check(postgres.getPostgresDatabase(), "postgresql", "set session_replication_role = replica");
        }
    }

    private static void check(DataSource db, String vendor, String relaxChecks) {
        Flyway.configure(AmendmentMigrationTest.class.getClassLoader()).dataSource(db)
                .locations(SchemaMigrations.LOCATION, SchemaMigrations.VENDOR_LOCATION_PREFIX + vendor)
                .target("10").load().migrate();
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(relaxChecks);
            sql.executeUpdate("insert into attendance_record (id, session_id, patient_id, original_status,"
                    + " original_minutes, original_credited, current_status, current_minutes, current_credited,"
                    + " minutes_audio_video, minutes_audio_only, minutes_no_media, gap_minutes, scheduled_minutes,"
                    + " explanation, version, created_at) values ('" + RECORD + "', '" + UUID.randomUUID()
                    + "', '" + UUID.randomUUID() + "', 'PARTIAL', 100, false, 'PRESENT', 150, true, 60, 30, 10, 0,"
                    + " 180, 'Present 100 of 180 scheduled minutes', 1, current_timestamp)");
            sql.executeUpdate("insert into attendance_amendment (id, record_id, author_subject, reason, amended_at,"
                    + " before_status, after_status, before_minutes, after_minutes, before_credited, after_credited)"
                    + " values ('" + UUID.randomUUID() + "', '" + RECORD + "', 'supervisor-sub', 'Room log',"
                    + " current_timestamp, 'PARTIAL', 'PRESENT', 100, 150, false, true)");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }

        EntityManagerFactory emf = TestPersistence.migrateAndValidate(db);
        try {
            AttendanceRecord record = TestPersistence.inTransaction(emf,
                    em -> em.find(AttendanceRecord.class, UUID.fromString(RECORD)));
            assertThat(record.currentSplit()).isEqualTo(new ModalityMinutes(60, 30, 10))
                    .isEqualTo(record.originalSplit());
            assertThat(record.explanation()).isEqualTo("Present 100 of 180 scheduled minutes")
                    .isEqualTo(record.originalExplanation());
            assertThat(record.currentMinutes()).isEqualTo(150);
            assertThat(record.amendments()).singleElement().satisfies(a -> {
                assertThat(a.beforeSplit()).isNull();
                assertThat(a.afterSplit()).isNull();
                assertThat(a.creditOverrideReason()).isNull();
            });
        } finally {
            emf.close();
        }
    }
}
