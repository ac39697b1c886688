package care.mend.platform;

import care.mend.platform.migration.SchemaMigrations;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * What runs once when Mend deploys, before it serves a request: the schema migrations, then the
 * {@link SchemaReady} event that later start-up work (demo data, recovery of open sessions) observes. A failed
 * migration fails the deployment: serving on a schema that does not match the code would corrupt records.
 */
@ApplicationScoped
public class Startup {

    @Resource(lookup = "java:jboss/datasources/MendDS")
    DataSource dataSource;

    @Inject
    Event<SchemaReady> schemaReady;

    void onStart(@Observes @Priority(1) @Initialized(ApplicationScoped.class) Object ignored) {
        SchemaMigrations.migrate(dataSource, Startup.class.getClassLoader());
        schemaReady.fire(new SchemaReady());
    }

    /** Fired once at deployment after the schema is current. */
    public record SchemaReady() {
    }
}
