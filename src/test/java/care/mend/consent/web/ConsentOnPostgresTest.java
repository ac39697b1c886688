package care.mend.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.TestPersistence;
import care.mend.consent.ConsentKind;
import care.mend.consent.Consents;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The same rules on PostgreSQL, where triggers keep published texts as published and decisions append-only. */
class ConsentOnPostgresTest extends ConsentContract {

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
    void theDatabaseRefusesToChangeOrRemoveATextOrADecision() throws SQLException {
        Clinic c = clinic();
        String textId = TestPersistence.inTransaction(emf, em -> {
            Consents consents = new Consents(em, Clock.fixed(NOW, ZoneOffset.UTC));
            var text = consents.publish(c.programId(), ConsentKind.TELEHEALTH_CONSENT, "Title", "As published.",
                    "sub-admin");
            consents.accept(c.patientId(), text.id(), 1, c.patient().subject());
            return text.id().toString();
        });
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String change : new String[] {
                    "update consent_text set body = 'Changed.' where id = '" + textId + "'",
                    "delete from consent_text where id = '" + textId + "'",
                    "update consent_decision set decision = 'WITHDRAWN' where text_id = '" + textId + "'",
                    "delete from consent_decision where text_id = '" + textId + "'",
                    "truncate consent_decision", "truncate consent_text cascade"}) {
                assertThatThrownBy(() -> statement.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        String kept = TestPersistence.inTransaction(emf, em -> new Consents(em, Clock.systemUTC())
                .texts(c.programId()).get(0).body());
        assertThat(kept).isEqualTo("As published.");
    }
}
