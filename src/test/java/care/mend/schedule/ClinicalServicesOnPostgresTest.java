package care.mend.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.program.Patient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class ClinicalServicesOnPostgresTest extends ClinicalServicesContract {

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

    /** V16_1: past rosters are computed from these rows, so the database itself keeps a void final. */
    @Test
    void theDatabaseKeepsAVoidedMembershipAsItWasAndDeletesNoMembership() throws Exception {
        World w = world(12);
        Patient p = enrolledPatient(w.program());
        Membership m = call(s -> s.memberships().admit(w.group().id(), p.id(), MONDAY));
        call(s -> s.memberships().voidEnteredInError(m.id(), "Wrong group (synthetic)", "admin-subject"));
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var sql = connection.createStatement()) {
            String id = "'" + m.id() + "'";
            for (String change : List.of("update membership set voided_at = null, voided_by = null,"
                            + " void_reason = null where id = " + id,
                    "update membership set to_date = from_date where id = " + id,
                    "delete from membership where id = " + id)) {
                assertThatThrownBy(() -> sql.execute(change)).as(change).hasMessageContaining("membership");
            }
            try (var rows = sql.executeQuery("select void_reason from membership where id = " + id)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Wrong group (synthetic)");
            }
        }
    }
}
