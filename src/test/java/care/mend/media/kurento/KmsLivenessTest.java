package care.mend.media.kurento;

import static care.mend.media.kurento.KurentoMediaRoomTest.SENDONLY;
import static care.mend.media.kurento.KurentoMediaRoomTest.done;
import static care.mend.media.kurento.KurentoMediaRoomTest.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.media.Eventually;
import care.mend.media.MediaModality;
import care.mend.media.MediaRoom;
import care.mend.media.RecordingMediaListener;
import care.mend.media.kurento.standin.KurentoStandIn;
import care.mend.media.kurento.standin.KurentoStandIn.Down;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whether a KMS counts as there: slow is not dead, a dropped connection is, and after a restart the next probe
 * reconnects with one fresh client whatever answered on the port meanwhile. Probes are driven by the test (the
 * schedule is an hour), against the protocol stand-in and the real Kurento client.
 */
class KmsLivenessTest {

    /**
     * Short, so that unanswered probes do not make the test slow, long enough for a busy build machine to answer; the
     * stand-in's latency goes well beyond it.
     */
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration SLOW = CALL_TIMEOUT.multipliedBy(3);
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);

    private KurentoStandIn kms;
    private KurentoMediaServer server;
    private final RecordingMediaListener listener = new RecordingMediaListener();
    /** Held, so that the logger and its handler are not collected while a test runs. */
    private final Logger nodeLog = Logger.getLogger(KmsNode.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        nodeLog.addHandler(capture);
        nodeLog.setLevel(Level.FINE);
        kms = KurentoStandIn.start(true);
        server = new KurentoMediaServer(new KurentoSettings(List.of(URI.create(kms.uri())), Duration.ofHours(1),
                CALL_TIMEOUT, BitrateCaps.WEAK_LINK), Thread::new);
        server.probeAll();
        assertThat(up()).isTrue();
    }

    @AfterEach
    void stop() {
        server.close();
        kms.close();
        nodeLog.removeHandler(capture);
        nodeLog.setLevel(null);
    }

    private boolean up() {
        return server.status().get(0).reachable();
    }

    /** A room with someone publishing: something to lose. */
    private MediaRoom liveRoom(String roomId, RecordingMediaListener events) {
        MediaRoom room = done(server.createRoom(roomId, events));
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        return room;
    }

    @Test
    void aSlowKmsKeepsItsMediaAndThreeUnansweredProbesInARowAreALoss() {
        liveRoom("room-1", listener);
        kms.latency(SLOW);
        server.probeAll();
        server.probeAll();
        assertThat(up()).as("two unanswered probes: slow, not dead").isTrue();
        kms.latency(Duration.ZERO);
        server.probeAll();
        kms.latency(SLOW);
        server.probeAll();
        server.probeAll();
        assertThat(up()).as("an answer started the count again").isTrue();
        assertThat(listener.outages).isEmpty();

        server.probeAll();
        assertThat(up()).as("three in a row").isFalse();
        assertThat(listener.outages).containsExactly("interrupted");
        // The client it gave up is destroyed, not left to retry.
        Eventually.until(EVENTUALLY, () -> kms.connectionCount() == 0);

        kms.latency(Duration.ZERO);
        server.probeAll();
        assertThat(up()).isTrue();
        assertThat(listener.outages).containsExactly("interrupted", "restored");
        assertThat(kms.connectionCount()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionIsALossAtOnceWithoutWaitingForAProbe() {
        liveRoom("room-1", listener);
        kms.stop();
        Eventually.until(EVENTUALLY, () -> !up() && listener.outages.contains("interrupted"));
    }

    @ParameterizedTest
    @EnumSource(Down.class)
    void afterARestartTheNextProbeReconnectsWithOneFreshClient(Down whileDown) {
        MediaRoom room = liveRoom("room-1", listener);
        kms.stop(whileDown);
        Eventually.until(EVENTUALLY, () -> listener.outages.contains("interrupted"));
        // While down, every probe fails and lets go of the client it made.
        server.probeAll();
        server.probeAll();
        assertThat(up()).isFalse();

        kms.restart();
        server.probeAll();
        assertThat(up()).as("up again on the first probe after the restart").isTrue();
        assertThat(listener.outages).containsExactly("interrupted", "restored");
        Eventually.until(EVENTUALLY, () -> kms.connectionCount() == 1);
        // No client that was let go comes back by itself (the Kurento client's own retry is every 2 s).
        int handshakes = kms.handshakes();
        Eventually.holdsFor(Duration.ofMillis(2500),
                () -> kms.handshakes() == handshakes && kms.connectionCount() == 1);

        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        assertThat(kms.liveObjects("WebRtcEndpoint")).hasSize(1);
        done(room.release());
        assertThat(kms.liveObjects()).isEmpty();
    }

    @Test
    void aRestoreBuildsNothingUntilSomeoneNegotiatesAndNeverARoomAlreadyReleased() throws Exception {
        RecordingMediaListener idleEvents = new RecordingMediaListener();
        RecordingMediaListener goneEvents = new RecordingMediaListener();
        MediaRoom idle = done(server.createRoom("idle", idleEvents));
        MediaRoom live = liveRoom("live", listener);
        MediaRoom gone = liveRoom("gone", goneEvents);
        done(gone.release());

        kms.stop();
        Eventually.until(EVENTUALLY, () -> listener.outages.contains("interrupted"));
        kms.restart();
        kms.clearCalls();
        server.probeAll();
        assertThat(listener.outages).containsExactly("interrupted", "restored");
        assertThat(goneEvents.outages).isEmpty();
        kms.awaitQuiet(Duration.ofMillis(300), EVENTUALLY);
        assertThat(kms.calls()).as("nothing is made for a restore").noneMatch(c -> c.method().equals("create"));
        assertThat(kms.liveObjects()).isEmpty();

        done(live.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        assertThat(kms.calls()).filteredOn(c -> "MediaPipeline".equals(c.detail())).hasSize(1);
        assertThat(kms.liveObjects("MediaPipeline")).hasSize(1);
        assertThatThrownBy(() -> done(gone.publish("b", offer(SENDONLY), MediaModality.AUDIO_VIDEO)))
                .isInstanceOf(IllegalStateException.class);
        done(idle.release());
        done(live.release());
        assertThat(kms.liveObjects()).isEmpty();
    }

    @Test
    void aKmsThatGoesDownIsLoggedOnceWhenItGoesAndOnceWhenItIsBack() {
        kms.stop(Down.HTTP_502);
        Eventually.until(EVENTUALLY, () -> !up());
        for (int i = 0; i < 4; i++) {
            server.probeAll();
        }
        kms.restart();
        server.probeAll();
        assertThat(up()).isTrue();

        List<LogRecord> visible = logged.stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .toList();
        assertThat(visible).extracting(LogRecord::getLevel).containsExactly(Level.INFO, Level.WARNING, Level.INFO);
        assertThat(visible.get(1).getMessage()).startsWith("MEND-MEDIA media server kms-0 went down");
        assertThat(visible.get(2).getMessage()).startsWith("MEND-MEDIA media server kms-0 is reachable again");
        assertThat(visible).allSatisfy(r -> assertThat(r.getThrown()).isNull());
        assertThat(logged).allSatisfy(r -> assertThat(r.getMessage()).startsWith("MEND-MEDIA"));
        assertThat(logged.stream().filter(r -> r.getLevel() == Level.FINE)).isNotEmpty();
    }

    @Test
    void aKmsThatStaysDownIsLoggedAgainEveryFiveMinutes() {
        kms.stop();
        AtomicLong now = new AtomicLong();
        KmsNode node = new KmsNode(7, URI.create(kms.uri()), CALL_TIMEOUT, KmsCallGate.BUDGET_BYTES,
                new KmsNode.Support(Runnable::run, now::get), lost -> { });
        node.probe();
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        node.probe();
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        node.probe();
        node.probe();
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        node.probe();
        node.close();

        assertThat(logged.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage)
                .filter(m -> m.contains("kms-7")).toList())
                .containsExactly("MEND-MEDIA no media server answers at kms-7 (cannot connect): rooms work without "
                                + "video; see README Media",
                        "MEND-MEDIA media server kms-7 is still down after 6 min",
                        "MEND-MEDIA media server kms-7 is still down after 11 min");
    }
}
