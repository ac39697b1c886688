package care.mend.schedule;

import care.mend.TestPersistence;
import javax.sql.DataSource;

class ExtraSessionsOnH2Test extends ExtraSessionsContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("extra-sessions");
    }

    @Override
    void stopDatabase() {
        // in memory
    }
}
