package care.mend.media.kurento;

import care.mend.media.MediaServer;
import care.mend.media.unavailable.UnavailableMediaServer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The media server the live rooms use: Kurento, configured from MicroProfile Config ({@code mend.kurento.*}, see the
 * README's Media section). The live rooms start with the application, so a bad value fails the deployment. An
 * unreachable KMS does not: rooms, seats and attendance work without media, and the probe finds the KMS when it
 * comes.
 */
@ApplicationScoped
public class KurentoMediaServerProducer {

    private static final Logger LOG = Logger.getLogger(KurentoMediaServerProducer.class.getName());

    private Config config;
    private MeterRegistry meters;

    /** For the CDI proxy. */
    protected KurentoMediaServerProducer() {
    }

    /** @param meters the server's registry (WildFly's micrometer subsystem): see {@link KurentoMeters} */
    @Inject
    public KurentoMediaServerProducer(Config config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    /** Typed to itself alone, so that {@link MediaServer} has one producer: {@link #port}. */
    @Produces
    @Singleton
    @Typed(KurentoMediaServer.class)
    KurentoMediaServer mediaServer() {
        KurentoSettings settings = KurentoConfig.settings(config);
        KurentoMeters kmsMeters = new KurentoMeters(meters, settings.uris().size());
        KurentoMediaServer server = new KurentoMediaServer(settings, probeThreads(), kmsMeters);
        kmsMeters.watch(server);
        server.start();
        LOG.info(() -> "MEND-MEDIA Kurento configured: " + settings.uris().size() + " media server(s), probed every "
                + settings.probeInterval().toSeconds() + " s");
        return server;
    }

    /**
     * Kurento, or no media at all when {@code mend.kurento.uris=none} (said once at start-up; clients are told
     * {@code MEDIA_UNAVAILABLE} and do not retry).
     */
    @Produces
    @Singleton
    MediaServer port(Instance<KurentoMediaServer> kurento) {
        if (!KurentoConfig.configured(config)) {
            LOG.info("MEND-MEDIA no media server (mend.kurento.uris=none): rooms work without video; see README Media");
            return new UnavailableMediaServer();
        }
        return kurento.get();
    }

    /** Whether Kurento is in use (readiness reports media servers only then). */
    boolean kurentoConfigured() {
        return KurentoConfig.configured(config);
    }

    void close(@Disposes KurentoMediaServer server) {
        server.close();
    }

    /** One daemon thread with the deployment's class loader: the Kurento client loads its types through it. */
    private static ThreadFactory probeThreads() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return runnable -> {
            Thread thread = new Thread(runnable, "mend-kms-probe");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }
}
