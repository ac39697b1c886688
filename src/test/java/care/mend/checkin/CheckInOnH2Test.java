package care.mend.checkin;

import care.mend.TestPersistence;
import javax.sql.DataSource;

class CheckInOnH2Test extends CheckInContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("check-in");
    }

    @Override
    void stopDatabase() {
        // in memory
    }
}
