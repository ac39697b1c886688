package care.mend.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One decision, one place: who belongs to a session on its day is {@link SessionRoster}'s rule, and no other main
 * code asks a membership or an enrollment whether it is active on a day (only the entities that define the dates,
 * and the group's own admission and capacity rules, do). Checked on the sources, in the style of
 * {@code RoomArchitectureTest}, until an ArchUnit rule replaces both.
 */
class RosterArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final List<String> DAY_RULES = List.of(".isActiveOn(", ".coversDay(");
    private static final List<Path> ALLOWED = Stream.of("care/mend/schedule/SessionRoster.java",
            "care/mend/schedule/Membership.java", "care/mend/program/Enrollment.java",
            "care/mend/schedule/TherapyGroup.java").map(MAIN::resolve).toList();

    @Test
    void onlyTheRosterJudgesMembershipsAndEnrollmentsByTheDay() throws IOException {
        List<Path> askers;
        try (Stream<Path> files = Files.walk(MAIN)) {
            askers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> DAY_RULES.stream().anyMatch(read(f)::contains)).toList();
        }
        assertThat(askers).isNotEmpty().allSatisfy(f -> assertThat(ALLOWED).as(f.toString()).contains(f));
    }

    @Test
    void theRosterImportsNoLayerAboveTheSchedule() throws IOException {
        for (String file : List.of("SessionRoster.java", "Rosters.java")) {
            String text = read(MAIN.resolve("care/mend/schedule").resolve(file));
            for (String above : List.of("care.mend.security", "care.mend.attendance", "care.mend.room")) {
                assertThat(text).as("%s must not import %s", file, above).doesNotContain("import " + above);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
