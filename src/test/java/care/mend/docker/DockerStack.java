package care.mend.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The files of the docker/ stack, read from the repository the build runs in. */
final class DockerStack {

    /** {@code COPY [--chown=...] src... dest}; {@code --from} copies come from another stage, not the context. */
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(.+)$");

    private DockerStack() {
    }

    /** The repository root: surefire and failsafe set {@code basedir}; an IDE runs tests there. */
    static Path root() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    }

    static Path dockerDir() {
        return root().resolve("docker");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** compose.yaml as plain maps and lists (SafeConstructor: no arbitrary types from the file). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(read(dockerDir().resolve("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    /** A service's environment, in either of compose's forms (a map, or a list of NAME=value). */
    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((name, value) -> result.put(String.valueOf(name), value == null ? null : value.toString()));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] parts = entry.toString().split("=", 2);
                result.put(parts[0], parts.length > 1 ? parts[1] : null);
            }
        }
        return result;
    }

    /** The bind mounts' host paths (short syntax "host:container[:mode]"), resolved against docker/. */
    @SuppressWarnings("unchecked")
    static Map<String, Path> bindMounts(Map<String, Object> service) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
            String[] parts = volume.toString().split(":");
            if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
                mounts.put(parts[1], dockerDir().resolve(parts[0]).normalize());
            }
        }
        return mounts;
    }

    /** The context-relative source paths of the Dockerfile's COPY instructions. */
    static List<String> dockerfileCopySources() {
        List<String> sources = new ArrayList<>();
        Matcher copy = COPY.matcher(read(dockerDir().resolve("Dockerfile")));
        while (copy.find()) {
            List<String> words = new ArrayList<>(List.of(copy.group(1).trim().split("\\s+")));
            if (words.stream().anyMatch(word -> word.startsWith("--from"))) {
                continue;
            }
            words.removeIf(word -> word.startsWith("--"));
            sources.addAll(words.subList(0, words.size() - 1));
        }
        return sources;
    }
}
