package care.mend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/kurento/turn-entrypoint.sh derives Kurento's TURN credential the way coturn's use-auth-secret checks it
 * (username "expiry:name", password base64 of HMAC-SHA1 over the username with the shared secret); a credential
 * computed any other way would only show as failed relays in a clinic. The image's entrypoint is replaced by a script
 * that prints what it was given.
 */
class KurentoTurnEntrypointTest {

    private static final String SECRET = "synthetic-test-secret";

    @Test
    void kurentoGetsATimeLimitedCredentialCoturnAccepts(@TempDir Path dir) throws Exception {
        Map<String, String> given = run(dir, SECRET);

        assertThat(given.get("KMS_STUN_IP")).isEqualTo("127.0.0.1");
        assertThat(given.get("KMS_STUN_PORT")).isEqualTo("3478");
        assertThat(given.get("TURN_SECRET")).as("the secret is not handed on").isEmpty();

        String url = given.get("KMS_TURN_URL");
        assertThat(url).endsWith("@127.0.0.1:3478?transport=udp");
        String credentials = url.substring(0, url.lastIndexOf('@'));
        String username = credentials.substring(0, credentials.lastIndexOf(':'));
        String password = credentials.substring(credentials.lastIndexOf(':') + 1);

        assertThat(username).endsWith(":kurento");
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(username.substring(0, username.indexOf(':'))));
        assertThat(expiry).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
        Mac hmac = Mac.getInstance("HmacSHA1");
        hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        assertThat(password).isEqualTo(
                Base64.getEncoder().encodeToString(hmac.doFinal(username.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void withoutASecretKurentoUsesStunOnly(@TempDir Path dir) throws Exception {
        Map<String, String> given = run(dir, "");

        assertThat(given.get("KMS_STUN_IP")).isEqualTo("127.0.0.1");
        assertThat(given.get("KMS_TURN_URL")).isEmpty();
    }

    private static Map<String, String> run(Path dir, String secret) throws Exception {
        Path fake = dir.resolve("entrypoint.sh");
        Files.writeString(fake, """
                #!/bin/bash
                for name in KMS_STUN_IP KMS_STUN_PORT KMS_TURN_URL TURN_SECRET; do
                    printf '%s=%s\\n' "$name" "${!name:-}"
                done
                """);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder builder = new ProcessBuilder("bash",
                DockerStack.dockerDir().resolve("kurento/turn-entrypoint.sh").toString());
        builder.environment().put("KMS_ENTRYPOINT", fake.toString());
        builder.environment().put("TURN_HOST", "localhost");
        builder.environment().put("TURN_SECRET", secret);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("turn-entrypoint.sh exit status; output:%n%s", output).isZero();
        Map<String, String> given = new HashMap<>();
        output.lines().forEach(line -> given.put(line.substring(0, line.indexOf('=')),
                line.substring(line.indexOf('=') + 1)));
        return given;
    }
}
