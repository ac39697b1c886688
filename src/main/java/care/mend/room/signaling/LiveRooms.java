package care.mend.room.signaling;

import care.mend.attendance.PresenceRecorder;
import care.mend.media.MediaServer;
import care.mend.platform.ConfigDurations;
import care.mend.room.HeartbeatPolicy;
import care.mend.room.RoomConfig;
import care.mend.room.RoomOutlets;
import care.mend.room.RoomRegistry;
import care.mend.room.RoomRuntime;
import care.mend.room.RoomScheduler;
import care.mend.room.SerialExecutor;
import care.mend.schedule.SessionLifecycleRecorder;
import care.mend.security.CurrentUser;
import care.mend.security.LoginDisabled;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The server's live rooms: one {@link RoomRegistry} with the machinery it runs on, and the way connections reach it.
 *
 * <p>Threads, all owned here and stopped at undeployment:
 * <ul>
 * <li>{@code mend-room-*}, a small fixed pool on which rooms run their steps and outbound lanes, and on which
 * connections' send completions are handled. Nothing that runs here blocks.</li>
 * <li>{@code mend-signaling-*}, on which each connection handles its messages in order (its own serial lane). A join
 * reads the database here, never on the WebSocket container's threads.</li>
 * <li>{@code mend-room-timer}, for the rooms' timers (grace periods, empty rooms) and the connections' heartbeats.</li>
 * </ul>
 *
 * <p>Configuration, read and validated at deployment (a bad value fails it): {@code mend.room.grace-period}
 * (default 120 seconds) and {@code mend.room.open-lead} (default 30 minutes), each as whole seconds or an ISO-8601
 * duration such as {@code PT2M}.
 */
@ApplicationScoped
public class LiveRooms {

    static final String GRACE_KEY = "mend.room.grace-period";
    static final String OPEN_LEAD_KEY = "mend.room.open-lead";
    static final int ROOM_THREADS = 4;
    static final int CONNECTION_THREADS = 8;

    private static final Logger LOG = Logger.getLogger(LiveRooms.class.getName());

    private Config config;
    private MediaServer mediaServer;
    private PresenceRecorder presence;
    private SessionLifecycleRecorder sessions;
    private RoomPlans plans;
    private RoomMeters meters;
    private OverrideRecords overrides;

    private ExecutorService roomPool;
    private ExecutorService connectionPool;
    private ScheduledExecutorService timers;
    private RoomRegistry registry;
    private HeartbeatPolicy heartbeat;
    private final ConnectionDirectory directory = new ConnectionDirectory();
    /** Every open connection by its caller's subject, in a room or not, so that a disabled login's can be closed. */
    private final ConcurrentMap<String, Set<SignalingConnection>> bySubject = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** For the CDI proxy. */
    protected LiveRooms() {
    }

    /** @param meters the server's registry (WildFly's micrometer subsystem): see {@link RoomMeters} */
    @Inject
    public LiveRooms(Config config, MediaServer mediaServer, PresenceRecorder presence,
            SessionLifecycleRecorder sessions, RoomPlans plans, OverrideRecords overrides, MeterRegistry meters) {
        this.config = config;
        this.mediaServer = mediaServer;
        this.presence = presence;
        this.sessions = sessions;
        this.plans = plans;
        this.overrides = overrides;
        this.meters = new RoomMeters(meters);
    }

    @PostConstruct
    void start() {
        RoomConfig roomConfig = roomConfig(config);
        roomPool = Executors.newFixedThreadPool(ROOM_THREADS, threads("mend-room-"));
        connectionPool = Executors.newFixedThreadPool(CONNECTION_THREADS, threads("mend-signaling-"));
        timers = Executors.newSingleThreadScheduledExecutor(threads("mend-room-timer-"));
        registry = new RoomRegistry(roomConfig, new RoomRuntime(roomPool, RoomScheduler.of(timers), clock),
                mediaServer, new RoomOutlets(new SignalingNotifier(directory), presence, sessions), meters);
        meters.watch(registry);
        heartbeat = HeartbeatPolicy.standard(clock);
        LOG.info(() -> "MEND-SIGNALING live rooms ready: grace period " + roomConfig.gracePeriod().toSeconds()
                + " s, rooms open " + roomConfig.openLead().toMinutes() + " min before the start");
    }

    /** Starts the rooms with the application, so that a bad configuration fails the deployment, not a join. */
    void startEagerly(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // Observing the event is enough: CDI creates the bean to deliver it.
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
        connectionPool.shutdown();
        roomPool.shutdown();
        try {
            if (!connectionPool.awaitTermination(2, TimeUnit.SECONDS)) {
                connectionPool.shutdownNow();
            }
            if (!roomPool.awaitTermination(2, TimeUnit.SECONDS)) {
                roomPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The room configuration from MicroProfile Config. */
    static RoomConfig roomConfig(Config config) {
        Duration grace = ConfigDurations.read(config, GRACE_KEY, RoomConfig.DEFAULTS.gracePeriod());
        Duration openLead = ConfigDurations.read(config, OPEN_LEAD_KEY, RoomConfig.DEFAULTS.openLead());
        if (grace.compareTo(Duration.ofSeconds(5)) < 0 || grace.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException(GRACE_KEY + " is 5 seconds to 30 minutes");
        }
        if (openLead.isNegative() || openLead.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException(OPEN_LEAD_KEY + " is 0 to 24 hours");
        }
        return RoomConfig.DEFAULTS.withGracePeriod(grace).withOpenLead(openLead);
    }

    /** A new connection's session logic, sending through {@code sink}. */
    SignalingConnection connect(CurrentUser user, OutboundQueue.FrameSink sink) {
        SignalingConnection connection = new SignalingConnection(user,
                new OutboundQueue(sink, roomPool, OutboundQueue.DEFAULT_BOUND, meters::error), registry, plans,
                directory, overrides, connectionPool);
        bySubject.computeIfAbsent(user.subject(), subject -> ConcurrentHashMap.newKeySet()).add(connection);
        return connection;
    }

    /** The transport closed the connection: it is no longer the caller's. */
    void disconnected(SignalingConnection connection) {
        bySubject.computeIfPresent(connection.user().subject(), (subject, open) -> {
            open.remove(connection);
            return open.isEmpty() ? null : open;
        });
    }

    /**
     * A login was disabled from Mend: every open connection of that person is closed with
     * {@link SignalingCloseReason#LOGIN_DISABLED} (their seats are held for the grace period, as for a drop, and the
     * person can neither resume nor join again: Mend refuses them a ticket). Runs on the caller's thread; closing
     * only queues the close frame.
     */
    void loginDisabled(@Observes LoginDisabled disabled) {
        closeConnectionsOf(disabled.subject(), SignalingCloseReason.LOGIN_DISABLED);
    }

    /** Closes the subject's open connections with {@code reason}; returns how many. */
    int closeConnectionsOf(String subject, SignalingCloseReason reason) {
        Set<SignalingConnection> open = bySubject.getOrDefault(subject, Set.of());
        int closed = 0;
        for (SignalingConnection connection : open) {
            if (!connection.isClosed()) {
                connection.close(reason);
                closed++;
            }
        }
        if (closed > 0) {
            int count = closed;
            LOG.info(() -> "MEND-SIGNALING closing " + count + " connection(s): " + reason);
        }
        return closed;
    }

    /** A new serial lane for one connection's messages. */
    SerialExecutor lane() {
        return new SerialExecutor(connectionPool);
    }

    /**
     * Starts the connection's heartbeat: a ping every 3 s, and a connection silent for 9 s (no pong, no message) is
     * closed with {@link SignalingCloseReason#HEARTBEAT_TIMEOUT} and reported lost to its room as of its last sign of
     * life.
     */
    HeartbeatPolicy.Tracker startHeartbeat(SignalingConnection connection) {
        HeartbeatPolicy.Tracker tracker = heartbeat.track();
        scheduleBeat(tracker, connection);
        return tracker;
    }

    private void scheduleBeat(HeartbeatPolicy.Tracker tracker, SignalingConnection connection) {
        long delay = Math.max(1, Duration.between(clock.instant(), tracker.nextCheckAt()).toMillis());
        try {
            timers.schedule(() -> beat(tracker, connection), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Undeploying: the connections go with the server.
        }
    }

    private void beat(HeartbeatPolicy.Tracker tracker, SignalingConnection connection) {
        try {
            if (connection.isClosed()) {
                return;
            }
            switch (tracker.check()) {
                case PING -> connection.ping();
                case DEAD -> {
                    LOG.info("MEND-SIGNALING closing a connection: " + SignalingCloseReason.HEARTBEAT_TIMEOUT);
                    connection.close(SignalingCloseReason.HEARTBEAT_TIMEOUT);
                    connection.closed(tracker.lastSignOfLife());
                    return;
                }
                case WAIT -> { }
            }
            scheduleBeat(tracker, connection);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MEND-SIGNALING heartbeat failed", e);
        }
    }

    RoomRegistry registry() {
        return registry;
    }

    /** Threads that carry the deployment's class loader, for JSON-B and JPA lookups made on them. */
    private static ThreadFactory threads(String prefix) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }
}
