package care.mend.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.TestPersistence;
import care.mend.program.ProgramKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The same rules on PostgreSQL, where a trigger also refuses to change or remove a check-in. */
class CheckInOnPostgresTest extends CheckInContract {

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

    @Test
    void theDatabaseRefusesToChangeOrRemoveACheckIn() throws SQLException {
        Clinic c = clinic(ProgramKind.SUBSTANCE_USE_IOP);
        CheckInResponse made = checkIn(c.patients().get(0), BEFORE_START,
                answers(c.monday(), 2, 8, MedicationAnswer.TAKEN, null));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String change : new String[] {"update check_in set mood = 9 where id = '" + made.id() + "'",
                    "delete from check_in where id = '" + made.id() + "'", "truncate check_in cascade"}) {
                assertThatThrownBy(() -> statement.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(round(c.facilitator(), c.monday())).singleElement()
                .satisfies(kept -> assertThat(kept.mood()).isEqualTo(2));
    }
}
