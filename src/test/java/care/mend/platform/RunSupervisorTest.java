package care.mend.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/run/supervise.sh}, which runs Keycloak and WildFly for {@code mvn -Prun package}: whatever way Maven
 * stops, the supervised command and what it started (as WildFly's script starts its JVM) stop too. Fake commands
 * stand in for both: a shell that starts a long sleep and waits for it.
 */
class RunSupervisorTest {

    private static final Path SCRIPT = Path.of("src/run/supervise.sh").toAbsolutePath();
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private final List<Long> pids = new ArrayList<>();

    @BeforeEach
    void linuxOnly() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")) && Files.isExecutable(Path.of("/bin/bash")),
                "the run command's supervisor is a bash script for Linux");
    }

    @AfterEach
    void cleanUp() {
        // Only what this test started, by pid: never by name.
        started.forEach(Process::destroyForcibly);
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void sigtermStopsTheCommandAndWhatItStarted() throws Exception {
        Process supervisor = supervise(fakeServer(false));
        long[] fake = awaitFake();

        supervisor.destroy(); // SIGTERM, as Maven's shutdown hook and `kill` send

        assertThat(supervisor.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(supervisor.exitValue()).isEqualTo(143);
        assertGone(fake);
        assertThat(output()).contains("MEND-RUN stopping fake (SIGTERM)");
    }

    @Test
    void ctrlCStopsTheCommandAndWhatItStarted() throws Exception {
        Process supervisor = supervise(fakeServer(false));
        long[] fake = awaitFake();

        signal("INT", supervisor.pid()); // what a terminal's Ctrl-C sends to the foreground group

        assertThat(supervisor.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(supervisor.exitValue()).isEqualTo(130);
        assertGone(fake);
    }

    @Test
    void aParentKilledOutrightStillStopsTheCommand() throws Exception {
        // A stand-in for Maven: it starts the supervisor and is then killed with SIGKILL, so no hook of its runs.
        String command = quote(SCRIPT.toString()) + " --name fake -- " + fakeServer(false).stream()
                .map(RunSupervisorTest::quote).reduce((a, b) -> a + " " + b).orElseThrow()
                + " >>" + quote(dir.resolve("out.log").toString()) + " 2>&1 & echo $! > "
                + quote(dir.resolve("supervisor.pid").toString()) + "; wait";
        Process maven = start(List.of("/bin/bash", "-c", command), null);
        long[] fake = awaitFake();
        long supervisor = Long.parseLong(awaitFile("supervisor.pid"));
        pids.add(supervisor);

        maven.destroyForcibly();

        awaitGone(supervisor);
        assertGone(fake);
        assertThat(output()).contains("MEND-RUN stopping fake (its parent, Maven, is gone)");
    }

    @Test
    void aCommandThatIgnoresTermIsKilledAfterTheGrace() throws Exception {
        Process supervisor = supervise(fakeServer(true), "MEND_STOP_GRACE", "1");
        long[] fake = awaitFake();

        supervisor.destroy();

        assertThat(supervisor.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertGone(fake);
        assertThat(output()).contains("MEND-RUN fake did not stop within 1 s: killing it");
    }

    @Test
    void endsWhenItsCommandEndsWithItsStatus() throws Exception {
        Process supervisor = supervise(List.of("/bin/bash", "-c", "exit 3"));

        assertThat(supervisor.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(supervisor.exitValue()).isEqualTo(3);
        assertThat(output()).contains("MEND-RUN fake ended (status 3)");
    }

    @Test
    void saysOnceWhenTheReadinessUrlAnswers() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        health.createContext("/health/ready", exchange -> {
            // As WildFly answers while it starts: not ready, then ready with no deployment yet, then Mend's checks.
            int poll = asked.incrementAndGet();
            byte[] body = (poll == 2 ? "{\"status\":\"UP\",\"checks\":[]}"
                    : "{\"status\":\"UP\",\"checks\":[{\"name\":\"identity-provider\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(poll == 1 ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        health.start();
        try {
            // As -Dmend.port-offset=100 does: {N} is port N moved by the offset, in the URL and in the message.
            String url = "http://127.0.0.1:{" + (health.getAddress().getPort() - 100) + "}/health/ready";
            List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "--name", "fake", "--port-offset",
                    "100", "--ready", url, "--ready-body", "\"identity-provider\"", "--ready-message", "Mend is ready at http://localhost:{8080}/app/", "--"));
            command.addAll(fakeServer(false));
            Process supervisor = start(command, null);
            awaitFake();

            long deadline = System.nanoTime() + STOPPED_WITHIN.toNanos();
            while (!output().contains("Mend is ready") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500); // three more polls: the message is not repeated
            supervisor.destroy();
            assertThat(supervisor.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(output()).containsOnlyOnce("MEND-RUN Mend is ready at http://localhost:8180/app/ (")
                    .contains(" s after Maven started)");
            assertThat(asked.get()).isEqualTo(3);
        } finally {
            health.stop(0);
        }
    }

    // -----------------------------------------------------------------------------------------------------------

    /** Like standalone.sh: a shell that starts a JVM (a long sleep here) and waits for it; pids written down. */
    private List<String> fakeServer(boolean ignoresTerm) {
        String script = (ignoresTerm ? "trap '' TERM; " : "")
                + "echo $$ > " + quote(dir.resolve("child.pid").toString()) + "; "
                + "sleep 600 & echo $! > " + quote(dir.resolve("grandchild.pid").toString()) + "; wait";
        return List.of("/bin/bash", "-c", script);
    }

    private Process supervise(List<String> command, String... environment) throws IOException {
        List<String> full = new ArrayList<>(List.of(SCRIPT.toString(), "--name", "fake", "--"));
        full.addAll(command);
        return start(full, environment);
    }

    private Process start(List<String> command, String[] environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.log").toFile()));
        for (int i = 0; environment != null && i < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private long[] awaitFake() throws Exception {
        long child = Long.parseLong(awaitFile("child.pid"));
        long grandchild = Long.parseLong(awaitFile("grandchild.pid"));
        pids.add(child);
        pids.add(grandchild);
        assertThat(alive(child)).isTrue();
        assertThat(alive(grandchild)).isTrue();
        return new long[] {child, grandchild};
    }

    private String awaitFile(String name) throws Exception {
        Path file = dir.resolve(name);
        long deadline = System.nanoTime() + STOPPED_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file).trim();
                if (!text.isEmpty()) {
                    return text;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + " was not written; output: " + output());
    }

    private void assertGone(long[] fake) throws Exception {
        for (long pid : fake) {
            awaitGone(pid);
        }
    }

    private void awaitGone(long pid) throws Exception {
        long deadline = System.nanoTime() + STOPPED_WITHIN.toNanos();
        while (alive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(alive(pid)).as("process %d still runs; output: %s", pid, output()).isFalse();
    }

    /** Running, not a zombie waiting for a parent to reap it (an orphan's reaper may be slow in a container). */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    private String output() {
        try {
            Path log = dir.resolve("out.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
