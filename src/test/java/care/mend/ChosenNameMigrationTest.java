package care.mend;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.platform.migration.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * V14 on both databases: patients registered before chosen names existed get the first word of their display name
 * (the whole name when it has no space), and the column is then required.
 */
class ChosenNameMigrationTest {

    @Test
    void patientsBeforeV14GetTheFirstWordOfTheirDisplayNameOnH2() throws Exception {
        check(TestPersistence.h2("chosen-name-migration"), "h2");
    }

    @Test
    void patientsBeforeV14GetTheFirstWordOfTheirDisplayNameOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            check(postgres.getPostgresDatabase(), "postgresql");
        }
    }

    private static void check(DataSource database, String vendor) throws Exception {
        // Everything before V14, whichever of V11 to V13 this build has.
        FluentConfiguration before = Flyway.configure(ChosenNameMigrationTest.class.getClassLoader())
                .dataSource(database)
                .locations(SchemaMigrations.LOCATION, SchemaMigrations.VENDOR_LOCATION_PREFIX + vendor);
        MigrationVersion v14 = MigrationVersion.fromVersion("14");
        MigrationVersion last = Arrays.stream(before.load().info().pending()).map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(v14) < 0).max(Comparator.naturalOrder()).orElseThrow();
        before.target(last).load().migrate();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            insert(sql, "00000000-0000-4000-8000-000000000001", "Ana Alvarez");
            insert(sql, "00000000-0000-4000-8000-000000000002", "Bo");
            insert(sql, "00000000-0000-4000-8000-000000000003", "Patient C. (demo)");
        }

        TestPersistence.migrate(database);

        Map<String, String> chosen = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select display_name, chosen_name from patient order by id")) {
            while (rows.next()) {
                chosen.put(rows.getString(1), rows.getString(2));
            }
        }
        assertThat(chosen).containsExactly(Map.entry("Ana Alvarez", "Ana"), Map.entry("Bo", "Bo"),
                Map.entry("Patient C. (demo)", "Patient"));
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.executeUpdate(
                    "update patient set chosen_name = null")).isInstanceOf(java.sql.SQLException.class);
        }
    }

    private static void insert(Statement sql, String id, String displayName) throws Exception {
        sql.executeUpdate("insert into patient (id, idp_subject, display_name, emergency_contact_name,"
                + " emergency_contact_phone, version, created_at) values ('" + id + "', 'subject-" + id + "', '"
                + displayName + "', 'Contact C.', '+1 555 0100', 0, current_timestamp)");
    }
}
