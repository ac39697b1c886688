package care.mend.attendance;

import care.mend.TestPersistence;
import javax.sql.DataSource;

class AccessLogOnH2Test extends AccessLogContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("access-log");
    }

    @Override
    void stopDatabase() {
        // in memory
    }
}
