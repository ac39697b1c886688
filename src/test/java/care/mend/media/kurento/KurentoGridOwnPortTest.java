package care.mend.media.kurento;

import static care.mend.media.kurento.KurentoMediaRoomTest.RECVONLY;
import static care.mend.media.kurento.KurentoMediaRoomTest.SENDONLY;
import static care.mend.media.kurento.KurentoMediaRoomTest.done;
import static care.mend.media.kurento.KurentoMediaRoomTest.offer;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.Eventually;
import care.mend.media.MediaEndpointRef;
import care.mend.media.MediaModality;
import care.mend.media.MediaRoom;
import care.mend.media.RecordingMediaListener;
import care.mend.media.kurento.standin.KurentoStandIn;
import care.mend.media.kurento.standin.StandInObject.Kind;
import care.mend.media.kurento.standin.StandInObject.View;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A grid viewer who also publishes receives the mix through the HubPort its publisher feeds, so it never hears (or
 * sees) itself: a Composite port sends the mix of every other port's input. Against the protocol stand-in, whose
 * Composite mixes that way, with the real Kurento client.
 */
class KurentoGridOwnPortTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(10);

    private KurentoStandIn kms;
    private KurentoMediaServer server;
    private final RecordingMediaListener listener = new RecordingMediaListener();
    private MediaRoom room;

    @BeforeEach
    void start() {
        kms = KurentoStandIn.start(true);
        kms.notFlowingDelay(Duration.ofMillis(50)); // a browser that stops is silent at once, here
        server = new KurentoMediaServer(new KurentoSettings(List.of(URI.create(kms.uri())), Duration.ofHours(1),
                Duration.ofSeconds(5), BitrateCaps.WEAK_LINK), Thread::new);
        server.probeAll();
        room = done(server.createRoom("room-1", listener));
    }

    @AfterEach
    void stop() {
        server.close();
        kms.close();
    }

    /** The one WebRtcEndpoint the call makes. */
    private String made(Supplier<CompletionStage<?>> call) {
        Set<String> before = new HashSet<>(ids("WebRtcEndpoint"));
        done(call.get());
        List<String> made = ids("WebRtcEndpoint").stream().filter(id -> !before.contains(id)).toList();
        assertThat(made).hasSize(1);
        return made.get(0);
    }

    private List<String> ids(String type) {
        return kms.liveObjects(type).stream().map(View::id).toList();
    }

    private View live(String id) {
        return kms.liveObjects().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    private boolean isLive(String id) {
        return kms.liveObjects().stream().anyMatch(o -> o.id().equals(id));
    }

    /** The live objects that send media to this one. */
    private List<String> feeding(String id) {
        return kms.liveObjects().stream().filter(o -> o.sinks().containsKey(id)).map(View::id).toList();
    }

    /** The HubPort that feeds a grid endpoint. */
    private String portOf(String gridEndpoint) {
        List<String> ports = feeding(gridEndpoint).stream().filter(ids("HubPort")::contains).toList();
        assertThat(ports).as("one HubPort feeds the grid endpoint").hasSize(1);
        return ports.get(0);
    }

    /** The grid endpoint is fed by the one HubPort its participant's publisher feeds, and nothing else feeds it. */
    private String assertOwnPort(String publisher, String gridEndpoint) {
        Eventually.untilAsserted(EVENTUALLY, () -> {
            String port = portOf(gridEndpoint);
            assertThat(feeding(port)).as("the viewer's port takes its own publisher alone").containsExactly(publisher);
            assertThat(live(publisher).sinks().keySet()).filteredOn(ids("HubPort")::contains).containsExactly(port);
        });
        return portOf(gridEndpoint);
    }

    /**
     * Audio reaches the viewer's grid endpoint while the other publishers send, and stops when they stop, though the
     * viewer's own browser goes on sending: it never hears itself.
     */
    private void assertHearsOthersOnly(String gridEndpoint, String... others) {
        Eventually.until(EVENTUALLY, () -> live(gridEndpoint).receives(Kind.AUDIO));
        for (String other : others) {
            kms.browserSends(other, Kind.AUDIO, false);
            kms.browserSends(other, Kind.VIDEO, false);
        }
        Eventually.until(EVENTUALLY, () -> !live(gridEndpoint).receives(Kind.AUDIO));
        kms.browserSends(others[0], Kind.AUDIO, true);
        Eventually.until(EVENTUALLY, () -> live(gridEndpoint).receives(Kind.AUDIO));
        for (String other : others) {
            kms.browserSends(other, Kind.AUDIO, true);
            kms.browserSends(other, Kind.VIDEO, true);
        }
    }

    private String publish(String id) {
        return made(() -> room.publish(id, offer(SENDONLY), MediaModality.AUDIO_VIDEO));
    }

    private String watch(String id) {
        return made(() -> room.subscribeGrid(id, offer(RECVONLY)));
    }

    @Test
    void aPublisherThatWatchesReceivesTheGridThroughThePortItFeeds() {
        String a = publish("a");
        String c = publish("c");
        String gridC = watch("c");

        // The port c's publisher had none of (nobody watched) is made once and serves both.
        String port = assertOwnPort(c, gridC);
        Eventually.until(EVENTUALLY, () -> ids("HubPort").size() == 2);
        assertThat(live(a).sinks()).doesNotContainKey(port);
        assertHearsOthersOnly(gridC, a);

        // A publisher that already feeds the grid (someone else watches) watches through the port it feeds.
        String gridD = watch("d");
        String e = publish("e");
        Eventually.until(EVENTUALLY, () -> ids("HubPort").size() == 4);
        String gridE = watch("e");
        assertOwnPort(e, gridE);
        assertThat(ids("HubPort")).hasSize(4);
        assertThat(portOf(gridD)).isNotIn(portOf(gridC), portOf(gridE));
        assertHearsOthersOnly(gridE, a, c);
    }

    @Test
    void aViewerThatPublishesFeedsThePortItWatchesThrough() {
        String a = publish("a");
        String gridC = watch("c");
        Eventually.until(EVENTUALLY, () -> ids("HubPort").size() == 2);
        String port = portOf(gridC);

        String c = publish("c");
        assertThat(assertOwnPort(c, gridC)).isEqualTo(port);
        assertThat(ids("HubPort")).hasSize(2);
        assertHearsOthersOnly(gridC, a);
    }

    @Test
    void publishingAndWatchingAtOnceShareOnePortWhicheverGoesFirst() {
        String a = publish("a");
        kms.latency(Duration.ofMillis(20));
        for (String id : List.of("c", "d", "e", "f")) {
            Set<String> before = new HashSet<>(ids("WebRtcEndpoint"));
            boolean publishFirst = id.equals("c") || id.equals("e");
            CompletableFuture<?> first = (publishFirst
                    ? room.publish(id, offer(SENDONLY), MediaModality.AUDIO_VIDEO)
                    : room.subscribeGrid(id, offer(RECVONLY))).toCompletableFuture();
            CompletableFuture<?> second = (publishFirst
                    ? room.subscribeGrid(id, offer(RECVONLY))
                    : room.publish(id, offer(SENDONLY), MediaModality.AUDIO_VIDEO)).toCompletableFuture();
            done(first);
            done(second);
            List<String> made = ids("WebRtcEndpoint").stream().filter(x -> !before.contains(x)).toList();
            String grid = made.stream().filter(x -> live(x).properties().containsKey("maxVideoSendBandwidth"))
                    .findFirst().orElseThrow();
            String publisher = made.stream().filter(x -> !x.equals(grid)).findFirst().orElseThrow();
            assertOwnPort(publisher, grid);
        }
        kms.latency(Duration.ZERO);
        // a's port and one per viewer, who each publish.
        Eventually.until(EVENTUALLY, () -> ids("HubPort").size() == 5);
        done(room.release());
        assertThat(kms.liveObjects()).isEmpty();
    }

    @Test
    void aViewerThatPublishesAgainKeepsItsPortAndItsGrid() {
        String a = publish("a");
        String c = publish("c");
        String gridC = watch("c");
        String port = assertOwnPort(c, gridC);

        String again = publish("c");
        Eventually.until(EVENTUALLY, () -> !isLive(c));
        assertThat(assertOwnPort(again, gridC)).isEqualTo(port);
        assertThat(ids("HubPort")).hasSize(2);
        assertThat(live(port).sinks()).containsOnlyKeys(gridC);
        assertHearsOthersOnly(gridC, a);
    }

    @Test
    void aViewerThatLeavesTheGridKeepsFeedingItWhileOthersWatch() {
        String a = publish("a");
        String c = publish("c");
        String gridC = watch("c");
        String gridD = watch("d");
        String port = assertOwnPort(c, gridC);
        Eventually.until(EVENTUALLY, () -> ids("HubPort").size() == 3);

        // c leaves the grid: its port stays, as its publisher's feed, and d still sees c.
        done(room.unsubscribe("c", MediaEndpointRef.GRID));
        assertThat(isLive(gridC)).isFalse();
        assertThat(ids("HubPort")).hasSize(3);
        assertThat(feeding(port)).containsExactly(c);
        assertThat(live(port).sinks()).isEmpty();

        // c watches again, twice: the same port feeds the new grid endpoint, the replaced one goes.
        String again = watch("c");
        assertThat(assertOwnPort(c, again)).isEqualTo(port);
        String third = made(() -> room.subscribeGrid("c", offer(RECVONLY)));
        Eventually.until(EVENTUALLY, () -> !isLive(again));
        assertThat(assertOwnPort(c, third)).isEqualTo(port);
        assertThat(ids("HubPort")).hasSize(3);
        assertHearsOthersOnly(third, a);

        // The last viewers leave: the Composite takes every port; c and a go on publishing.
        done(room.unsubscribe("c", MediaEndpointRef.GRID));
        done(room.unsubscribe("d", MediaEndpointRef.GRID));
        assertThat(isLive(gridD)).isFalse();
        assertThat(kms.liveObjects("Composite")).isEmpty();
        assertThat(kms.liveObjects("HubPort")).isEmpty();
        assertThat(ids("WebRtcEndpoint")).containsExactlyInAnyOrder(a, c);
        assertThat(live(c).sinks()).isEmpty();
    }

    @Test
    void aViewerThatLeavesTheRoomTakesItsOnePortAlong() {
        publish("a");
        String c = publish("c");
        String gridC = watch("c");
        watch("d");
        String port = assertOwnPort(c, gridC);
        Eventually.until(EVENTUALLY, () -> ids("HubPort").size() == 3);

        done(room.removeParticipant("c"));
        assertThat(isLive(c)).isFalse();
        assertThat(isLive(gridC)).isFalse();
        assertThat(isLive(port)).isFalse();
        assertThat(ids("HubPort")).hasSize(2);
        assertThat(kms.liveObjects("Composite")).hasSize(1);

        // The last viewer, who does not publish, leaves: nothing of the grid is left.
        done(room.removeParticipant("d"));
        assertThat(kms.liveObjects("Composite")).isEmpty();
        assertThat(kms.liveObjects("HubPort")).isEmpty();
    }

    @Test
    void theRoomReleasesEverySharedPortOnceAndInOrder() {
        String a = publish("a");
        String c = publish("c");
        String gridC = watch("c");
        String gridD = watch("d");
        String sub = made(() -> room.subscribe("d", "c", offer(RECVONLY)));
        assertOwnPort(c, gridC);
        Eventually.until(EVENTUALLY, () -> ids("HubPort").size() == 3);
        Map<String, String> types = kms.liveObjects().stream().collect(Collectors.toMap(View::id, View::type));
        try {
            kms.awaitQuiet(Duration.ofMillis(200), EVENTUALLY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        kms.clearCalls();

        done(room.release());
        assertThat(kms.liveObjects()).isEmpty();
        List<String> released = kms.calls().stream().filter(k -> "release".equals(k.method()))
                .map(KurentoStandIn.Call::object).toList();
        assertThat(released).as("each object once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(types.keySet());
        Set<String> viewers = Set.of(gridC, gridD, sub);
        Set<String> publishers = Set.of(a, c);
        Function<String, Integer> stage = id -> viewers.contains(id) ? 0 : publishers.contains(id) ? 1
                : switch (types.get(id)) {
                    case "HubPort" -> 2;
                    case "Composite" -> 3;
                    default -> 4;
                };
        assertThat(released.stream().map(stage).toList()).as("viewers, publishers, ports, Composite, pipeline")
                .isSorted();
    }
}
