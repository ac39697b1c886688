package care.mend.schedule.demo;

import care.mend.platform.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo clinic once the schema is current, when {@code mend.demo-data} (MEND_DEMO_DATA) is true: the run
 * command sets it; production leaves it false.
 */
@ApplicationScoped
public class DemoDataLoader {

    @Inject
    @ConfigProperty(name = "mend.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    DemoData demoData;

    void onSchemaReady(@Observes Startup.SchemaReady ready) {
        if (enabled) {
            demoData.seed(LocalDate.now(DemoData.ZONE));
        }
    }
}
