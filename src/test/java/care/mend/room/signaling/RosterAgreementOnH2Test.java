package care.mend.room.signaling;

import care.mend.TestPersistence;
import javax.sql.DataSource;

class RosterAgreementOnH2Test extends RosterAgreementContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("roster-agreement");
    }

    @Override
    void stopDatabase() {
        // in memory
    }
}
