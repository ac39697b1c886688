package care.mend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The image's build file, read as text: who runs the server, how health is checked, what the context holds. */
class DockerfileTest {

    private final String dockerfile = DockerStack.read(DockerStack.dockerDir().resolve("Dockerfile"));

    @Test
    void theServerDoesNotRunAsRoot() {
        List<String> users = dockerfile.lines().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1).substring(5).trim()).isNotIn("root", "0", "0:0", "root:root");
    }

    @Test
    void theHealthCheckAsksForReadiness() {
        assertThat(dockerfile).containsPattern("(?s)HEALTHCHECK.*CMD.*/health/ready");
    }

    @Test
    void theBuildContextKeepsWhatTheImageCopies() {
        List<String> ignore = DockerStack.read(DockerStack.root().resolve(".dockerignore")).lines()
                .map(String::trim).toList();
        // .dockerignore excludes everything, then re-includes exactly the COPY sources.
        assertThat(ignore).contains("*");
        assertThat(DockerStack.dockerfileCopySources()).isNotEmpty()
                .allSatisfy(source -> assertThat(ignore).contains("!" + source));
    }
}
