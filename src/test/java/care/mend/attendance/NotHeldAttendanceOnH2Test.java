package care.mend.attendance;

import care.mend.TestPersistence;
import javax.sql.DataSource;

class NotHeldAttendanceOnH2Test extends NotHeldAttendanceContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("not-held-attendance");
    }

    @Override
    void stopDatabase() {
        // in memory
    }
}
