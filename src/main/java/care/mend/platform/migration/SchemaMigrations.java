package care.mend.platform.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the schema migrations to a datasource. Plain Java so that the same code runs at deployment and in the
 * tests that check the migrations on H2 and PostgreSQL.
 */
public final class SchemaMigrations {

    /** Where the versioned migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/migration";

    /** Migrations for one database only ({@code h2}, {@code postgresql}), for what portable SQL cannot say. */
    public static final String VENDOR_LOCATION_PREFIX = "classpath:db/vendor/";

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    /** The vendor folder for the database behind the datasource: {@code postgresql}, {@code h2}, ... */
    static String vendorOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.replaceAll("[^a-z0-9]", "");
        } catch (SQLException e) {
            throw new IllegalStateException("The database did not answer before migration", e);
        }
    }

    /**
     * Migrates the schema to the newest version. Refuses to run over a schema with migrations this build does not
     * know (a newer Mend wrote it) or whose applied scripts were edited: either would silently corrupt data.
     */
    public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader) {
        Flyway flyway = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(LOCATION, VENDOR_LOCATION_PREFIX + vendorOf(dataSource))
                .cleanDisabled(true)
                .validateOnMigrate(true)
                .ignoreMigrationPatterns(new String[0]) // a future or missing migration is an error, not a warning
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "MEND-PLATFORM schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
        return result;
    }
}
