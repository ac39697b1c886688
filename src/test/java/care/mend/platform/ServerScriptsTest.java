package care.mend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The provisioning applies wildfly-config/'s CLI scripts as one file the build concatenates (one embedded boot instead
 * of one per script): a script left out of that list would silently not be applied to the server.
 */
class ServerScriptsTest {

    private static final Pattern FILELIST = Pattern.compile(
            "<filelist dir=\"\\$\\{project.basedir}/wildfly-config\"\\s+files=\"([^\"]+)\"/>");

    @Test
    void everyScriptOfWildflyConfigIsConcatenatedOnceIntoTheServerScript() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher list = FILELIST.matcher(pom);
        assertThat(list.find()).as("the concatenation's file list in the pom").isTrue();
        List<String> concatenated = Arrays.stream(list.group(1).split(",")).map(String::trim).toList();
        List<String> scripts;
        try (Stream<Path> files = Files.list(Path.of("wildfly-config"))) {
            scripts = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cli")).sorted().toList();
        }
        assertThat(concatenated).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(scripts);
        assertThat(concatenated.get(0)).as("the datasource first: the others may refer to it")
                .isEqualTo("datasource.cli");
        assertThat(pom).contains("<script>${project.build.directory}/wildfly-config/server.cli</script>")
                .doesNotContain("<script>${project.basedir}/wildfly-config/");
    }
}
