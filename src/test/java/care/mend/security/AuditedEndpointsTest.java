package care.mend.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No REST resource lets the container refuse a caller by role: a request refused by {@code @RolesAllowed} (or
 * {@code @DenyAll}) never reaches Mend's code, so the access log could not record it. Every decision, and its row in
 * the log, is {@link AccessPolicy}'s.
 */
class AuditedEndpointsTest {

    private static final List<Class<? extends Annotation>> CONTAINER_CHECKS = List.of(RolesAllowed.class,
            DenyAll.class, PermitAll.class);

    @Test
    void noResourceIsGuardedByTheContainerInsteadOfTheAccessPolicy() throws Exception {
        List<Class<?>> resources = resources();
        assertThat(resources).extracting(Class::getSimpleName)
                .contains("AttendanceResource", "PatientResource", "AuditResource");
        for (Class<?> resource : resources) {
            List<AnnotatedElement> elements = new ArrayList<>(List.of(resource.getDeclaredMethods()));
            elements.add(resource);
            for (AnnotatedElement element : elements) {
                for (Class<? extends Annotation> check : CONTAINER_CHECKS) {
                    assertThat(element.isAnnotationPresent(check)).as("%s on %s", check.getSimpleName(), element)
                            .isFalse();
                }
            }
        }
    }

    /** The classes under src/main/java annotated with {@code @Path}. */
    private static List<Class<?>> resources() throws IOException, ClassNotFoundException {
        Path root = Path.of("src/main/java");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                if (Files.readString(file).contains("@Path(")) {
                    Class<?> type = Class.forName(name);
                    if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                        found.add(type);
                    }
                }
            }
        }
        return found;
    }
}
