package care.mend.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The REST API lives under {@code /api}; resources and providers are discovered by scanning. The OpenAPI
 * document of the API is served at {@code /openapi}.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Mend API", version = "0.1",
        description = "Programs, enrollments, therapy groups and their sessions for Intensive Outpatient Programs. "
                + "Errors are RFC 9457 application/problem+json with a stable `code`.",
        license = @License(name = "Apache-2.0")))
public class MendApplication extends Application {
}
