package care.mend.attendance;

import care.mend.TestPersistence;
import javax.sql.DataSource;

class AttendanceFlagsMigrationOnH2Test extends AttendanceFlagsMigrationContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("attendance-flags-migration");
    }

    @Override
    void stopDatabase() {
        // in memory
    }
}
