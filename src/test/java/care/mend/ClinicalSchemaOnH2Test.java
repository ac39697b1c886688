package care.mend;

import javax.sql.DataSource;

/** The clinical schema contract on in-memory H2 2.2, the server's zero-setup database. */
class ClinicalSchemaOnH2Test extends ClinicalSchemaContract {

    @Override
    DataSource startDatabase() {
        return TestPersistence.h2("clinical-schema");
    }

    @Override
    void stopDatabase() {
        // in memory: goes away with the JVM
    }
}
