package care.mend.reminder;

import care.mend.TestPersistence;
import javax.sql.DataSource;

class RemindersOnH2Test extends RemindersContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("reminders");
    }

    @Override
    void stopDatabase() {
        // in memory
    }
}
