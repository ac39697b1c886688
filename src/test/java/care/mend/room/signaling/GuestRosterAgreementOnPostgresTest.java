package care.mend.room.signaling;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;

class GuestRosterAgreementOnPostgresTest extends GuestRosterAgreementContract {

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
}
