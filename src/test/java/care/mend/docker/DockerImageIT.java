package care.mend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
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

    @Test
    void theServerReadsTheVariablesItIsPassed() {
        // A CLI script in wildfly-config/ that the build does not apply would leave its variables unread: every
        // ${env.X} of the scripts that compose.yaml passes to Mend must be in the provisioned configuration.
        String standalone = DockerStack.read(
                DockerStack.root().resolve("target/server/standalone/configuration/standalone.xml"));
        Set<String> passed = DockerStack.environment(DockerStack.services().get("mend")).keySet();
        Set<String> fromScripts = new TreeSet<>(ComposeStackTest.cliVariables());
        fromScripts.retainAll(passed);

        assertThat(fromScripts).isNotEmpty().allSatisfy(
                name -> assertThat(standalone).as("standalone.xml reads %s", name).contains("${env." + name));
    }

    private static String dockerfileEntrypoint() {
        return DockerStack.read(DockerStack.dockerDir().resolve("Dockerfile")).lines()
                .filter(line -> line.startsWith("ENTRYPOINT"))
                .map(line -> line.replaceAll("ENTRYPOINT\\s*\\[\\s*\"([^\"]+)\".*", "$1"))
                .reduce((first, last) -> last).orElse("");
    }
}
