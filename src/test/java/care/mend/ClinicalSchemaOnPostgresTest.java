package care.mend;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;

/** The clinical schema contract on a real PostgreSQL 17, started from a jar for the duration of the class. */
class ClinicalSchemaOnPostgresTest extends ClinicalSchemaContract {

    private EmbeddedPostgres postgres;

    @Override
    DataSource startDatabase() throws Exception {
        postgres = EmbeddedPostgres.start();
        return postgres.getPostgresDatabase();
    }

    @Override
    void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** PostgreSQL's own migrations: the access log and its side tables refuse UPDATE, DELETE and TRUNCATE. */
    @org.junit.jupiter.api.Test
    void theAccessLogIsAppendOnlyInTheDatabase() throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var sql = connection.createStatement()) {
            sql.executeUpdate("insert into access_audit (id, occurred_at, actor_subject, actor_roles, action,"
                    + " resource_type, outcome, remote_address) values ('00000000-0000-4000-8000-000000000001',"
                    + " now(), 's', 'admin', 'READ_PATIENT', 'patient', 'ALLOWED', '127.0.0.1')");
            sql.executeUpdate("insert into access_audit_patient (audit_id, patient_id) values"
                    + " ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002')");
            sql.executeUpdate("insert into access_audit_site (audit_id, site_id) values"
                    + " ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003')");
            for (String change : java.util.List.of("update access_audit set outcome = 'DENIED'",
                    "update access_audit set actor_staff_id = null, site_id = null",
                    "delete from access_audit", "truncate access_audit cascade",
                    "update access_audit_patient set patient_id = audit_id", "delete from access_audit_patient",
                    "truncate access_audit_patient", "update access_audit_site set site_id = audit_id",
                    "delete from access_audit_site", "truncate access_audit_site")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.execute(change))
                        .as(change).hasMessageContaining("append-only");
            }
        }
    }

    @Override
    void checkLedgerIsProtected(java.util.UUID recordId) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var sql = connection.createStatement()) {
            String record = "'" + recordId + "'";
            sql.executeUpdate("insert into presence_event (id, idempotency_key, session_id, participant_id, subject,"
                    + " room_role, kind, modality, occurred_at, recorded_at) select gen_random_uuid(), 'key-1',"
                    + " session_id, 'p', 's', 'PATIENT', 'ADMITTED', 'NONE', now(), now() from attendance_record"
                    + " where id = " + record);
            for (String change : java.util.List.of(
                    "update attendance_record set original_status = 'PRESENT' where id = " + record,
                    "update attendance_record set original_minutes = 180 where id = " + record,
                    "update attendance_record set minutes_audio_video = 180 where id = " + record,
                    "update attendance_record set explanation = 'rewritten' where id = " + record,
                    "update attendance_record set gap_minutes = 9 where id = " + record,
                    // The flags as signed (V11), guarded by V12_1's definition too, which replaces V11_1's.
                    "update attendance_record set gap_count = 9 where id = " + record,
                    "update attendance_record set late_minutes = 9 where id = " + record,
                    "update attendance_record set late_flagged = not late_flagged where id = " + record,
                    "update attendance_record set left_early_minutes = 9 where id = " + record,
                    "update attendance_record set left_early_flagged = not left_early_flagged where id = " + record,
                    "delete from attendance_record where id = " + record,
                    "update attendance_amendment set reason = 'rewritten' where record_id = " + record,
                    "delete from attendance_amendment where record_id = " + record,
                    "update attendance_sign_off set signed_by_subject = 'someone else'",
                    "update presence_event set kind = 'LEFT'",
                    "delete from presence_event")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.execute(change))
                        .as(change).isInstanceOf(java.sql.SQLException.class);
            }
            // What an amendment changes stays changeable.
            org.assertj.core.api.Assertions.assertThat(sql.executeUpdate("update attendance_record set"
                    + " current_minutes_audio_only = current_minutes_audio_only + 1, current_explanation = 'Amended'"
                    + " where id = " + record)).isEqualTo(1);
        }
    }
}
