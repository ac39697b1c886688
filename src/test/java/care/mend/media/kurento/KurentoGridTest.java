package care.mend.media.kurento;

import static care.mend.media.kurento.KurentoMediaRoomTest.RECVONLY;
import static care.mend.media.kurento.KurentoMediaRoomTest.RECVONLY_AUDIO;
import static care.mend.media.kurento.KurentoMediaRoomTest.SENDONLY;
import static care.mend.media.kurento.KurentoMediaRoomTest.SENDONLY_AUDIO;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The grid's Composite exists only while someone watches it: no transcoding for a room where nobody does. Against the
 * protocol stand-in with the real Kurento client.
 */
class KurentoGridTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(10);

    private KurentoStandIn kms;
    private KurentoMediaServer server;
    private final RecordingMediaListener listener = new RecordingMediaListener();
    private MediaRoom room;

    @BeforeEach
    void start() {
        kms = KurentoStandIn.start(true);
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

    private List<View> ports() {
        return kms.liveObjects("HubPort");
    }

    private List<View> composites() {
        return kms.liveObjects("Composite");
    }

    /** The endpoints that feed a HubPort, and what they send it. */
    private List<View> feedingTheGrid() {
        List<String> ports = ports().stream().map(View::id).toList();
        return kms.liveObjects("WebRtcEndpoint").stream()
                .filter(e -> e.sinks().keySet().stream().anyMatch(ports::contains)).toList();
    }

    @Test
    void noCompositeUntilSomeoneWatchesTheGridAndFlowIsReportedWithoutOne() {
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.publish("b", offer(SENDONLY_AUDIO), MediaModality.AUDIO_ONLY));
        done(room.subscribe("b", "a", offer(RECVONLY)));
        done(room.subscribe("a", "b", offer(RECVONLY)));

        Eventually.until(EVENTUALLY, () -> listener.modalityOf("a") == MediaModality.AUDIO_VIDEO
                && listener.modalityOf("b") == MediaModality.AUDIO_ONLY);
        assertThat(composites()).isEmpty();
        assertThat(ports()).isEmpty();
        assertThat(kms.calls()).noneMatch(c -> "Composite".equals(c.detail()) || "HubPort".equals(c.detail()));
        done(room.release());
        assertThat(kms.liveObjects()).isEmpty();
    }

    @Test
    void theFirstViewerBringsTheCompositeAndEveryPublisherAndTheLastTakesThemAway() {
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.publish("b", offer(SENDONLY_AUDIO), MediaModality.AUDIO_ONLY));
        done(room.subscribeGrid("c", offer(RECVONLY)));

        // One Composite; a HubPort per publisher and one for the viewer, which it feeds with video.
        assertThat(composites()).hasSize(1);
        Eventually.untilAsserted(EVENTUALLY, () -> {
            assertThat(ports()).hasSize(3);
            assertThat(feedingTheGrid()).hasSize(2);
        });
        View viewer = kms.liveObjects("WebRtcEndpoint").stream()
                .filter(e -> Integer.valueOf(250).equals(e.properties().get("maxVideoSendBandwidth"))).findFirst()
                .orElseThrow();
        assertThat(ports()).anyMatch(p -> p.sendsTo(viewer.id(), Kind.VIDEO));
        assertThat(feedingTheGrid()).filteredOn(e -> e.sinks().values().stream().anyMatch(k -> k.contains(Kind.VIDEO)))
                .as("the audio-only publisher feeds audio alone").hasSize(1);

        // A publisher that comes while someone watches joins the grid; so does a second viewer.
        done(room.publish("d", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.subscribeGrid("e", offer(RECVONLY_AUDIO)));
        Eventually.untilAsserted(EVENTUALLY, () -> {
            assertThat(ports()).hasSize(5);
            assertThat(feedingTheGrid()).hasSize(3);
        });
        View audioViewer = kms.liveObjects("WebRtcEndpoint").stream()
                .filter(e -> Integer.valueOf(250).equals(e.properties().get("maxVideoSendBandwidth")))
                .filter(e -> !e.id().equals(viewer.id())).findFirst().orElseThrow();
        assertThat(ports()).anyMatch(p -> p.sendsTo(audioViewer.id(), Kind.AUDIO));
        assertThat(ports()).noneMatch(p -> p.sendsTo(audioViewer.id(), Kind.VIDEO));

        // A viewer that subscribes again keeps one port; one that leaves takes its own.
        done(room.subscribeGrid("c", offer(RECVONLY)));
        Eventually.until(EVENTUALLY, () -> ports().size() == 5);
        done(room.unsubscribe("c", MediaEndpointRef.GRID));
        assertThat(composites()).hasSize(1);
        assertThat(ports()).hasSize(4);

        // The last viewer leaves: the Composite and every HubPort go; publishing goes on without them.
        done(room.removeParticipant("e"));
        assertThat(composites()).isEmpty();
        assertThat(ports()).isEmpty();
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        assertThat(ports()).isEmpty();
        // a, b and d publish (the endpoint a replaced goes after the answer).
        Eventually.until(EVENTUALLY, () -> kms.liveObjects("WebRtcEndpoint").size() == 3);

        done(room.release());
        assertThat(kms.liveObjects()).isEmpty();
    }

    @Test
    void aRoomReleasedWhileWatchedLeavesNothing() {
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.subscribeGrid("c", offer(RECVONLY)));
        done(room.subscribe("c", "a", offer(RECVONLY)));
        Eventually.until(EVENTUALLY, () -> ports().size() == 2);
        done(room.release());
        assertThat(kms.liveObjects()).isEmpty();
    }
}
