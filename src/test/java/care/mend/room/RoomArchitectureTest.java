package care.mend.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The live-room core stays plain Java: no Jakarta EE, no JSON, no sockets, no database, and only our own media
 * types (the media server's client library belongs to its adapter package alone).
 */
class RoomArchitectureTest {

    private static final List<String> FORBIDDEN = List.of("import jakarta.", "import javax.", "import org.kurento",
            "import java.sql", "import java.net.", "import care.mend.room.signaling", "import care.mend.security",
            "import care.mend.schedule", "import care.mend.program", "import io.micrometer");

    private static List<Path> sources(String pkg) throws IOException {
        Path dir = Path.of("src/main/java", pkg.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void roomAndMediaImportNoInfrastructure() throws IOException {
        for (String pkg : List.of("care.mend.room", "care.mend.media")) {
            List<Path> files = sources(pkg);
            assertThat(files).isNotEmpty();
            assertThat(files).extracting(f -> f.getFileName().toString()).contains("package-info.java");
            for (Path file : files) {
                String text = Files.readString(file);
                for (String forbidden : FORBIDDEN) {
                    assertThat(text).as("%s must not %s", file, forbidden).doesNotContain(forbidden);
                }
            }
        }
    }

    @Test
    void theMediaPortDoesNotKnowAboutRooms() throws IOException {
        for (Path file : sources("care.mend.media")) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("care.mend.room");
        }
    }

    @Test
    void onlyTheKurentoAdapterImportsTheKurentoClient() throws IOException {
        Path root = Path.of("src/main/java");
        Path adapter = root.resolve("care/mend/media/kurento");
        List<Path> importers;
        try (Stream<Path> files = Files.walk(root)) {
            importers = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("import org.kurento");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(importers).isNotEmpty().allMatch(f -> f.getParent().equals(adapter));
    }
}
