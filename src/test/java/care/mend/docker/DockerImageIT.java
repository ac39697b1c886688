package care.mend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * After {@code mvn package}: everything docker/Dockerfile copies from the build context (the repository root)
 * exists, so that {@code docker build} cannot fail for a missing or renamed build output.
 */
class DockerImageIT {

    @Test
    void everyCopySourceExistsAfterPackage() {
        assertThat(DockerStack.dockerfileCopySources()).isNotEmpty().allSatisfy(
                source -> assertThat(DockerStack.root().resolve(source)).as("COPY %s", source).exists());
    }

    @Test
    void theCopiedServerCanStart() {
        // The image's ENTRYPOINT runs the provisioned server's launcher.
        assertThat(dockerfileEntrypoint()).startsWith("/opt/mend/server/bin/standalone.sh");
        assertThat(Files.isExecutable(DockerStack.root().resolve("target/server/bin/standalone.sh"))).isTrue();
        assertThat(DockerStack.root().resolve("target/server/standalone/deployments")).isDirectory();
    }

    private static String dockerfileEntrypoint() {
        return DockerStack.read(DockerStack.dockerDir().resolve("Dockerfile")).lines()
                .filter(line -> line.startsWith("ENTRYPOINT"))
                .map(line -> line.replaceAll("ENTRYPOINT\\s*\\[\\s*\"([^\"]+)\".*", "$1"))
                .reduce((first, last) -> last).orElse("");
    }
}
