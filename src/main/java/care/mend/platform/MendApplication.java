package care.mend.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under {@code /api}; resources and providers are discovered by CDI scanning. */
@ApplicationPath("/api")
public class MendApplication extends Application {
}
