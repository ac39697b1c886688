package care.mend.attendance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

class AttendanceFlagsMigrationOnPostgresTest extends AttendanceFlagsMigrationContract {

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

    /** The triggers stepped aside for V11_1 only: they refuse again, and the kept words are append-only too. */
    @Override
    void checkTheLedgerIsProtectedAgain(Connection db, UUID record, UUID amendment) throws SQLException {
        for (String change : List.of(
                "update attendance_record set original_status = 'PARTIAL' where id = '" + record + "'",
                "update attendance_record set late_minutes = 0 where id = '" + record + "'",
                "update attendance_amendment set after_status = 'PARTIAL' where id = '" + amendment + "'",
                "update attendance_status_before_v11 set old_status = 'PRESENT'",
                "delete from attendance_status_before_v11")) {
            assertThatThrownBy(() -> db.createStatement().executeUpdate(change)).as(change)
                    .isInstanceOf(SQLException.class);
        }
    }
}
