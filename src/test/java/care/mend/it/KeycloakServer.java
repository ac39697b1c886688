package care.mend.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Keycloak, started from the {@code keycloak-quarkus-dist} archive the build unpacks, in dev mode on
 * loopback ports chosen by the caller, with Mend's realm file imported. One per test run: it takes 15-75 s to
 * start on these machines.
 */
final class KeycloakServer implements AutoCloseable {

    /**
     * A first start (Keycloak's one-time build step, then the import) took 260 s on 2026-12-02 with six servers of
     * other engineers' test runs on the same two cores; 240 s failed a run there.
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(480);

    private final Process process;
    private final int httpPort;

    private KeycloakServer(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static KeycloakServer start(Path home, Path realmFile, int httpPort, int managementPort, String adminUser,
                                String adminPassword, Path log) {
        try {
            // A fresh dev database each run, so that the realm file is imported as it is now.
            deleteRecursively(home.resolve("data"));
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort, "--import-realm"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            KeycloakServer server = new KeycloakServer(builder.start(), httpPort);
            server.awaitRealm("mend");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start; see " + log, e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    String issuer(String realm) {
        return baseUri() + "/realms/" + realm;
    }

    private void awaitRealm(String realm) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(
                URI.create(issuer(realm) + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " while starting");
            }
            try {
                if (client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500); // polling a child process that has no readiness callback
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("Keycloak did not serve realm " + realm + " within " + STARTUP_TIMEOUT);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
