package care.mend.consent.web;

import care.mend.TestPersistence;
import javax.sql.DataSource;

class ConsentOnH2Test extends ConsentContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("consent");
    }

    @Override
    void stopDatabase() {
        // in memory
    }
}
