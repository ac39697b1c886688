package care.mend.room.signaling;

import care.mend.TestPersistence;
import javax.sql.DataSource;

class GuestRosterAgreementOnH2Test extends GuestRosterAgreementContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("guest-roster-agreement");
    }

    @Override
    void stopDatabase() {
        // in memory
    }
}
