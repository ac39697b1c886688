package care.mend.schedule;

import care.mend.TestPersistence;
import javax.sql.DataSource;

class ClinicalServicesOnH2Test extends ClinicalServicesContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("clinical-services");
    }

    @Override
    void stopDatabase() {
        // in memory
    }
}
