package care.mend;

import care.mend.program.Enrollment;
import care.mend.program.EnrollmentStatusChange;
import care.mend.program.Patient;
import care.mend.program.Program;
import care.mend.program.Site;
import care.mend.program.StaffMember;
import care.mend.schedule.GroupSession;
import care.mend.schedule.Membership;
import care.mend.schedule.TherapyGroup;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import care.mend.platform.migration.SchemaMigrations;
import care.mend.security.AccessAuditEntry;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Java SE persistence for tests: runs the Flyway migrations on a data source, then starts Hibernate on it with
 * {@code hbm2ddl.auto=validate}, so a mapping that disagrees with the migrations fails the bootstrap. The server's
 * persistence.xml (JTA, JNDI) is not used.
 */
public final class TestPersistence {

    /** Every entity of the clinical model. */
    public static final List<Class<?>> ENTITIES = List.of(Site.class, Patient.class, StaffMember.class,
            Program.class, Enrollment.class, EnrollmentStatusChange.class, TherapyGroup.class, Membership.class,
            GroupSession.class, AccessAuditEntry.class, care.mend.attendance.PresenceRecord.class,
            care.mend.attendance.AttendanceSignOff.class, care.mend.attendance.AttendanceRecord.class,
            care.mend.attendance.AttendanceAmendment.class, care.mend.attendance.LocationAttestation.class,
            care.mend.attendance.LicensureOverride.class,
            care.mend.schedule.SessionGuest.class,

            care.mend.checkin.CheckIn.class, care.mend.reminder.ReminderPreference.class,
            care.mend.reminder.SentReminder.class, care.mend.consent.ConsentText.class,
            care.mend.consent.ConsentDecision.class);

    // Hibernate, Flyway and the embedded PostgreSQL log every start at INFO; tests need only warnings. Held here so
    // that the configured loggers are not garbage-collected (JUL keeps them weakly).
    private static final List<Logger> QUIETED = Stream.of("org.hibernate", "org.flywaydb", "io.zonky",
                    SchemaMigrations.class.getName())
            .map(Logger::getLogger).peek(logger -> logger.setLevel(Level.WARNING)).toList();

    private TestPersistence() {
    }

    public static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    public static void migrate(DataSource dataSource) {
        // The server's own migration code, vendor-specific locations included.
        SchemaMigrations.migrate(dataSource, TestPersistence.class.getClassLoader());
    }

    /**
     * Migrates, then starts JPA on the migrated schema with {@code hbm2ddl.auto=validate}. Bootstrapped the way the
     * server does it (a container-style persistence unit through the JPA provider), so cascades and flushes follow
     * the JPA rules, as in WildFly.
     */
    public static EntityManagerFactory migrateAndValidate(DataSource dataSource) {
        migrate(dataSource);
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.HBM2DDL_AUTO, "validate");
        settings.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        settings.put(AvailableSettings.SHOW_SQL, System.getProperty("show_sql", "false"));
        return new HibernatePersistenceProvider().createContainerEntityManagerFactory(
                new TestUnit(dataSource), settings);
    }

    /** The persistence unit of the tests: resource-local, on the given data source, listing the entities. */
    private record TestUnit(DataSource dataSource) implements PersistenceUnitInfo {

        @Override
        public String getPersistenceUnitName() {
            return "mend-test";
        }

        @Override
        public String getPersistenceProviderClassName() {
            return HibernatePersistenceProvider.class.getName();
        }

        @Override
        public PersistenceUnitTransactionType getTransactionType() {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        @Override
        public DataSource getJtaDataSource() {
            return null;
        }

        @Override
        public DataSource getNonJtaDataSource() {
            return dataSource;
        }

        @Override
        public List<String> getMappingFileNames() {
            return List.of();
        }

        @Override
        public List<URL> getJarFileUrls() {
            return List.of();
        }

        @Override
        public URL getPersistenceUnitRootUrl() {
            return null;
        }

        @Override
        public List<String> getManagedClassNames() {
            return ENTITIES.stream().map(Class::getName).toList();
        }

        @Override
        public boolean excludeUnlistedClasses() {
            return true;
        }

        @Override
        public SharedCacheMode getSharedCacheMode() {
            return SharedCacheMode.NONE;
        }

        @Override
        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        @Override
        public Properties getProperties() {
            return new Properties();
        }

        @Override
        public String getPersistenceXMLSchemaVersion() {
            return "3.0";
        }

        @Override
        public ClassLoader getClassLoader() {
            return TestPersistence.class.getClassLoader();
        }

        @Override
        public void addTransformer(ClassTransformer transformer) {
            // no bytecode enhancement in tests (nor in the server)
        }

        @Override
        public ClassLoader getNewTempClassLoader() {
            return null;
        }
    }

    /** Runs {@code work} in its own entity manager and resource-local transaction, committing if it returns. */
    public static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            try {
                T result = work.apply(em);
                em.getTransaction().commit();
                return result;
            } catch (RuntimeException e) {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                throw e;
            }
        }
    }

    public static void run(EntityManagerFactory emf, Consumer<EntityManager> work) {
        inTransaction(emf, em -> {
            work.accept(em);
            return null;
        });
    }
}
