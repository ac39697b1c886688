package care.mend.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of docker/compose.yaml without a Docker engine. The variable check derives what Mend reads
 * from the code and the server's CLI scripts, so that a renamed or removed setting fails here instead of being
 * silently ignored by a clinic's server.
 */
class ComposeStackTest {

    /** {@code static final String NAME = "value"}: config keys are often named once as constants. */
    private static final Pattern STRING_CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"");
    /** {@code config.getValue(KEY, ...)}, {@code getOptionalValue("key", ...)}, {@code getConfigValue(...)}. */
    private static final Pattern CONFIG_LOOKUP =
            Pattern.compile("\\.get(?:Optional|Config)?Value\\(\\s*(\"[^\"]+\"|[A-Za-z_][\\w.]*)\\s*[,)]");
    /** {@code @ConfigProperty(name = ...)}, with or without its package. */
    private static final Pattern CONFIG_PROPERTY =
            Pattern.compile("@(?:[\\w.]+\\.)?ConfigProperty\\(\\s*name\\s*=\\s*(\"[^\"]+\"|[A-Za-z_][\\w.]*)");
    /** {@code ${env.NAME} / ${env.NAME:default}} in the CLI scripts. */
    private static final Pattern CLI_ENV = Pattern.compile("\\$\\{env\\.([A-Za-z0-9_]+)");
    /** Compose interpolation: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void composeDeclaresTheWholeStack() {
        assertThat(DockerStack.services()).containsOnlyKeys("mend", "postgres", "keycloak", "kurento", "coturn",
                "prometheus");
        assertThat(DockerStack.compose()).containsKey("volumes");
    }

    @Test
    void prometheusIsOptionalAndScrapesTheManagementInterfaceOnMendsLoopback() {
        Map<String, Object> prometheus = DockerStack.services().get("prometheus");
        assertThat(prometheus.get("profiles")).isEqualTo(List.of("metrics"));
        // In mend's network namespace: the management interface need not leave the container's loopback.
        assertThat(prometheus.get("network_mode")).isEqualTo("service:mend");
        String scrape = DockerStack.read(DockerStack.dockerDir().resolve("prometheus/prometheus.yml"));
        assertThat(scrape).contains("metrics_path: /metrics").contains("127.0.0.1:9990");
        // Every other service runs without a profile: `up` without --profile is the whole clinic.
        DockerStack.services().forEach((name, service) -> {
            if (!name.equals("prometheus")) {
                assertThat(service).as(name).doesNotContainKey("profiles");
            }
        });
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Path binary = onPath("docker-compose");
        if (binary == null) {
            String message = "docker-compose is not installed: `apt-get install -y --no-install-recommends "
                    + "docker-compose` (.ci/run does) to check compose.yaml with it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        // The example .env stands in for the real one: it must define every variable the file requires.
        Process process = new ProcessBuilder(binary.toString(),
                "--env-file", DockerStack.dockerDir().resolve(".env.example").toString(),
                "-f", DockerStack.dockerDir().resolve("compose.yaml").toString(),
                "config", "-q")
                .directory(DockerStack.root().toFile())
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose config finished").isTrue();
        assertThat(process.exitValue()).as("docker-compose config says:%n%s", output).isZero();
    }

    @Test
    void mendIsPassedOnlyVariablesItReads() {
        Set<String> read = variablesMendReads();
        Set<String> passed = DockerStack.environment(DockerStack.services().get("mend")).keySet();
        assertThat(passed).isNotEmpty();
        assertThat(read)
                .as("environment variables Mend reads (MicroProfile Config keys and the CLI scripts' ${env.X})")
                .containsAll(passed);
    }

    @Test
    void configKeysAreFoundInLiteralsConstantsAndAnnotations() {
        String source = """
                static final String GRACE_KEY = "mend.room.grace-period";
                @ConfigProperty(name = "mend.demo-data", defaultValue = "false") boolean demo;
                @org.eclipse.microprofile.config.inject.ConfigProperty(name = Keys.LIMIT) int limit;
                static final String LIMIT = "mend.limit";
                String a = config.getOptionalValue(GRACE_KEY, String.class).orElse("");
                String b = config.getValue("mend.kurento.uris", String.class);
                String ignored = header.getValue();
                """;

        assertThat(configKeys(source)).containsExactlyInAnyOrder(
                "mend.room.grace-period", "mend.kurento.uris", "mend.demo-data", "mend.limit");
        assertThat(environmentName("mend.room.grace-period")).isEqualTo("MEND_ROOM_GRACE_PERIOD");
    }

    @Test
    void everyMountedFileIsInTheRepository() {
        DockerStack.services().forEach((name, service) -> DockerStack.bindMounts(service).forEach(
                (target, source) -> assertThat(source).as("%s mounts %s at %s", name, source, target)
                        .exists().startsWith(DockerStack.root())));
    }

    @Test
    void keycloakImportsTheRealmTheTestsUse() {
        String pom = DockerStack.read(DockerStack.root().resolve("pom.xml"));
        Path testsRealm = DockerStack.root().resolve(property(pom, "mend.realm.file")
                .replace("${project.basedir}/", "")).normalize();
        Map<String, Object> keycloak = DockerStack.services().get("keycloak");

        assertThat(DockerStack.bindMounts(keycloak)).containsEntry(
                "/opt/keycloak/data/import/" + testsRealm.getFileName(), testsRealm);
        assertThat(keycloak.get("command").toString()).contains("--import-realm");
        assertThat(keycloak.get("image").toString()).as("the Keycloak release the tests run")
                .endsWith(":" + property(pom, "version.keycloak"));
    }

    @Test
    void theExampleEnvironmentDefinesEveryVariableAndNoSecret() {
        Map<String, String> example = dotEnv(DockerStack.dockerDir().resolve(".env.example"));
        Set<String> used = new TreeSet<>();
        Matcher variable = INTERPOLATION.matcher(DockerStack.read(DockerStack.dockerDir().resolve("compose.yaml")));
        while (variable.find()) {
            used.add(variable.group(1));
        }
        assertThat(example).as("docker/.env.example documents every variable compose.yaml uses")
                .containsKeys(used.toArray(String[]::new));
        example.forEach((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                assertThat(value).as("%s in .env.example is a placeholder", name).isEqualTo("change-me");
            }
        });
        assertThat(DockerStack.read(DockerStack.root().resolve(".gitignore")).lines())
                .as("the real .env is never committed").contains("docker/.env");
    }

    /** Environment names of every key Mend's code and server configuration read. */
    static Set<String> variablesMendReads() {
        Set<String> keys = new TreeSet<>();
        Properties defaults = new Properties();
        try (InputStream in = Files.newInputStream(
                DockerStack.root().resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.addAll(defaults.stringPropertyNames());
        try (Stream<Path> sources = Files.walk(DockerStack.root().resolve("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                keys.addAll(configKeys(DockerStack.read(source)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> variables = new TreeSet<>();
        keys.forEach(key -> variables.add(environmentName(key)));
        variables.addAll(cliVariables());
        return variables;
    }

    /** The {@code ${env.X}} names of the CLI scripts in wildfly-config/. */
    static Set<String> cliVariables() {
        Set<String> variables = new TreeSet<>();
        try (Stream<Path> scripts = Files.list(DockerStack.root().resolve("wildfly-config"))) {
            for (Path script : scripts.filter(path -> path.toString().endsWith(".cli")).toList()) {
                Matcher env = CLI_ENV.matcher(DockerStack.read(script));
                while (env.find()) {
                    variables.add(env.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variables;
    }

    /** The config keys one Java source looks up, with constants of the same file resolved. */
    static List<String> configKeys(String source) {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = STRING_CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        List<String> keys = new ArrayList<>();
        for (Pattern lookup : List.of(CONFIG_LOOKUP, CONFIG_PROPERTY)) {
            Matcher use = lookup.matcher(source);
            while (use.find()) {
                String argument = use.group(1);
                String key = argument.startsWith("\"") ? argument.substring(1, argument.length() - 1)
                        : constants.get(argument.substring(argument.lastIndexOf('.') + 1));
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** MicroProfile Config's environment mapping: non-alphanumerics become '_', then upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String property(String pom, String name) {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(value.find()).as("pom.xml property %s", name).isTrue();
        return value.group(1).trim();
    }

    private static Map<String, String> dotEnv(Path file) {
        Map<String, String> values = new HashMap<>();
        for (String line : DockerStack.read(file).lines().toList()) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                values.put(trimmed.substring(0, trimmed.indexOf('=')).trim(),
                        trimmed.substring(trimmed.indexOf('=') + 1).trim());
            }
        }
        return values;
    }

    private static Path onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
