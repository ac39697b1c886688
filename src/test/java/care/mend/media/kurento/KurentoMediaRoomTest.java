package care.mend.media.kurento;

import care.mend.media.kurento.standin.KurentoRecordings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.media.Eventually;
import care.mend.media.IceCandidate;
import care.mend.media.MediaEndpointRef;
import care.mend.media.MediaModality;
import care.mend.media.MediaRoom;
import care.mend.media.RecordingMediaListener;
import care.mend.media.SdpAnswer;
import care.mend.media.SdpOffer;
import care.mend.media.kurento.standin.KurentoStandIn;
import care.mend.media.kurento.standin.StandInObject.Kind;
import care.mend.media.kurento.standin.StandInObject.View;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kurento adapter, with the real Kurento client, against the protocol stand-in. */
class KurentoMediaRoomTest {

    private static final Path SDP = KurentoRecordings.dir("sdp");

    private KurentoStandIn kms;
    private KurentoMediaServer server;
    private final RecordingMediaListener listener = new RecordingMediaListener();

    @BeforeEach
    void start() {
        kms = KurentoStandIn.start(true);
        server = new KurentoMediaServer(new KurentoSettings(List.of(java.net.URI.create(kms.uri())),
                Duration.ofHours(1), Duration.ofSeconds(5), BitrateCaps.WEAK_LINK), Thread::new);
        server.probeAll();
        assertThat(server.status()).extracting(KurentoMediaServer.NodeStatus::reachable).containsExactly(true);
    }

    @AfterEach
    void stop() {
        server.close();
        kms.close();
    }

    static SdpOffer offer(String file) {
        try {
            return new SdpOffer(Files.readString(SDP.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String SENDRECV = "chromium-offer-02-offer-answer-real-media-1.sdp";
    static final String SENDONLY = "chromium-offer-03-sfu-two-publishers-1.sdp";
    static final String RECVONLY = "chromium-offer-03-sfu-two-publishers-3.sdp";
    /** Chromium after "Audio only": one sendonly m=audio, no video section (mend-02). */
    static final String SENDONLY_AUDIO = "chromium-offer-mend-02-audio-only-and-camera-off-19.sdp";
    /** Chromium after "Low bandwidth": a recvonly offer with one m=audio and no video section (mend-04). */
    static final String RECVONLY_AUDIO = "chromium-offer-mend-04-low-bandwidth-19.sdp";

    /** A room whose pipeline is made (at once, for the first publish); no Composite until someone watches the grid. */
    private MediaRoom room() {
        MediaRoom room = server.createRoom("room-1", listener).toCompletableFuture().join();
        Eventually.until(Duration.ofSeconds(10), () -> kms.liveObjects("MediaPipeline").size() == 1);
        return room;
    }

    /** The one WebRtcEndpoint the call makes (ids of live endpoints before and after). */
    private String madeBy(java.util.function.Supplier<java.util.concurrent.CompletionStage<?>> call) {
        java.util.Set<String> before = new java.util.HashSet<>(endpoints().stream().map(View::id).toList());
        done(call.get());
        List<String> made = endpoints().stream().map(View::id).filter(id -> !before.contains(id)).toList();
        assertThat(made).hasSize(1);
        return made.get(0);
    }

    private View live(String id) {
        return kms.liveObjects().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    /** The stage's value; its failure as an IllegalStateException; a stage that hangs fails the test. */
    static <T> T done(java.util.concurrent.CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the media call did not complete", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private List<View> endpoints() {
        return kms.liveObjects("WebRtcEndpoint");
    }

    @Test
    void aPublisherGetsAnAnswerAndItsCandidatesAndReportsItsFlowWithNothingConnected() {
        MediaRoom room = room();
        SdpAnswer answer = done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));

        assertThat(answer.sdp()).startsWith("v=0").contains("a=recvonly").contains("a=setup:active");
        assertThat(kms.liveObjects("MediaPipeline")).hasSize(1);
        View publisher = endpoints().get(0);
        assertThat(publisher.properties()).containsEntry("maxVideoRecvBandwidth", 500);
        Eventually.untilAsserted(Duration.ofSeconds(10), () -> {
            assertThat(listener.candidates).extracting(RecordingMediaListener.Found::endpoint)
                    .contains(MediaEndpointRef.publisher("a"));
            assertThat(listener.modalityOf("a")).isEqualTo(MediaModality.AUDIO_VIDEO);
        });
        // No sink, no Composite: KMS 7.3.0 reports a publisher's flow from what its browser sends.
        assertThat(endpoints().get(0).sinks()).isEmpty();
        assertThat(kms.liveObjects("Composite")).isEmpty();
        assertThat(kms.liveObjects("HubPort")).isEmpty();
    }

    @Test
    void publishAndSubscribeWaitForThreeRoundTripsAtMost() {
        kms.latency(Duration.ofMillis(150));
        MediaRoom room = room();
        kms.clearCalls();
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        assertThat(roundOfAnswer()).isLessThanOrEqualTo(3);

        done(room.publish("b", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        // Let the publishes' tails (gathering) finish, so that only the subscribe is counted.
        Eventually.until(Duration.ofSeconds(10), () -> listener.candidates.stream()
                .filter(c -> c.endpoint().isPublisher()).map(RecordingMediaListener.Found::endpoint).distinct()
                .count() == 2);
        try {
            kms.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        kms.clearCalls();
        done(room.subscribe("b", "a", offer(RECVONLY)));
        assertThat(roundOfAnswer()).isLessThanOrEqualTo(3);
    }

    private int roundOfAnswer() {
        return kms.calls().stream().filter(c -> "processOffer".equals(c.detail()))
                .mapToInt(KurentoStandIn.Call::round).max().orElseThrow();
    }

    @Test
    void subscribersAreConnectedFromThePublisherAndReleasedFirst() {
        MediaRoom room = room();
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.publish("b", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.subscribe("b", "a", offer(RECVONLY)));
        done(room.subscribe("a", "b", offer(RECVONLY)));

        assertThat(endpoints()).hasSize(4);
        long connectedPairs = endpoints().stream()
                .filter(e -> e.sinks().keySet().stream().anyMatch(s -> s.endsWith("WebRtcEndpoint"))).count();
        assertThat(connectedPairs).isEqualTo(2);
        assertThat(endpoints().stream().filter(e -> e.properties().containsKey("maxVideoSendBandwidth")))
                .hasSize(2);

        done(room.removeParticipant("a"));
        assertThat(endpoints()).hasSize(1);
        done(room.release());
        assertThat(kms.liveObjects()).isEmpty();
    }

    @Test
    void anAudioOnlyParticipantSendsAndReceivesAudioAlone() {
        MediaRoom room = room();
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.publish("b", offer(SENDONLY_AUDIO), MediaModality.AUDIO_ONLY));
        done(room.subscribe("b", "a", offer(RECVONLY)));

        View pubA = endpoints().stream().filter(e -> e.sinks().keySet().stream()
                .anyMatch(s -> s.endsWith("WebRtcEndpoint"))).findFirst().orElseThrow();
        String sink = pubA.sinks().keySet().stream().filter(s -> s.endsWith("WebRtcEndpoint")).findFirst()
                .orElseThrow();
        assertThat(pubA.sendsTo(sink, Kind.AUDIO)).isTrue();
        assertThat(pubA.sendsTo(sink, Kind.VIDEO)).isFalse();
        Eventually.until(Duration.ofSeconds(10), () -> listener.modalityOf("b") == MediaModality.AUDIO_ONLY);
    }

    @Test
    void aSubscriberWhoseOfferHasNoVideoReceivesAudioAlone() {
        MediaRoom room = room();
        String publisher = madeBy(() -> room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.publish("b", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        String withVideo = madeBy(() -> room.subscribe("c", "a", offer(RECVONLY)));
        String audioOnly = madeBy(() -> room.subscribe("b", "a", offer(RECVONLY_AUDIO)));

        assertThat(live(publisher).sendsTo(withVideo, Kind.VIDEO)).isTrue();
        assertThat(live(publisher).sendsTo(audioOnly, Kind.AUDIO)).isTrue();
        assertThat(live(publisher).sendsTo(audioOnly, Kind.VIDEO)).as("b's offer has no m=video").isFalse();
        done(room.release());
        assertThat(kms.liveObjects()).isEmpty();
    }

    @Test
    void aPublisherThatPublishesAgainFeedsEachViewerWhatItsEndpointWasMadeFor() {
        MediaRoom room = room();
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.publish("v", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        String wantsVideo = madeBy(() -> room.subscribe("v", "a", offer(RECVONLY)));
        String wantsAudio = madeBy(() -> room.subscribe("w", "a", offer(RECVONLY_AUDIO)));
        // v goes audio only and back (its page keeps its subscriptions); meanwhile a publishes again, twice.
        done(room.publish("v", offer(SENDONLY_AUDIO), MediaModality.AUDIO_ONLY));
        String again = madeBy(() -> room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.publish("v", offer(SENDONLY), MediaModality.AUDIO_VIDEO));

        Eventually.untilAsserted(Duration.ofSeconds(10), () -> {
            assertThat(live(again).sendsTo(wantsVideo, Kind.VIDEO)).as("v's endpoint was made for video").isTrue();
            assertThat(live(again).sendsTo(wantsAudio, Kind.AUDIO)).isTrue();
        });
        assertThat(live(again).sendsTo(wantsAudio, Kind.VIDEO)).as("w's endpoint was made for audio").isFalse();

        // An audio-only publisher feeds audio alone, whatever the viewer wanted.
        String audioPublisher = madeBy(() -> room.publish("a", offer(SENDONLY_AUDIO), MediaModality.AUDIO_ONLY));
        Eventually.until(Duration.ofSeconds(10), () -> live(audioPublisher).sendsTo(wantsVideo, Kind.AUDIO));
        assertThat(live(audioPublisher).sendsTo(wantsVideo, Kind.VIDEO)).isFalse();
        done(room.release());
        assertThat(kms.liveObjects()).isEmpty();
    }

    @Test
    void modalityFollowsWhatFlowsFromThePublisher() {
        MediaRoom room = room();
        done(room.publish("a", offer(SENDRECV), MediaModality.AUDIO_VIDEO));
        Eventually.until(Duration.ofSeconds(10), () -> listener.modalityOf("a") == MediaModality.AUDIO_VIDEO);
        String publisher = endpoints().get(0).id();

        kms.browserSends(publisher, Kind.VIDEO, false);
        Eventually.until(Duration.ofSeconds(10), () -> listener.modalityOf("a") == MediaModality.AUDIO_ONLY);
        kms.browserSends(publisher, Kind.AUDIO, false);
        Eventually.until(Duration.ofSeconds(10), () -> listener.modalityOf("a") == MediaModality.NONE);
    }

    /**
     * KMS reports each media type's flow as its own event, which the Kurento client hands to a thread of its pool: a
     * thread that carries one report and is descheduled before the room hears it must not let a later report overtake
     * it. Seen in a scripted session on a busy machine: a patient who sent video all along was billed as audio only.
     */
    @Test
    void flowReportsReachTheRoomInTheOrderTheyHappenedWhateverThreadCarriesThem() throws Exception {
        RecordingMediaListener heard = new RecordingMediaListener();
        java.util.concurrent.CountDownLatch slowOneStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        care.mend.media.MediaRoomListener slowAudioOnly = new care.mend.media.MediaRoomListener() {
            @Override
            public void iceCandidateFound(MediaEndpointRef endpoint, IceCandidate candidate) {
            }

            @Override
            public void mediaFlowChanged(String participantId, MediaModality modality) {
                if (modality == MediaModality.AUDIO_ONLY && armed.get() && slowOneStarted.getCount() > 0) {
                    slowOneStarted.countDown();
                    try {
                        Thread.sleep(1000); // the thread that carries this report is descheduled
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                heard.mediaFlowChanged(participantId, modality);
            }

            @Override
            public void mediaInterrupted() {
            }

            @Override
            public void mediaRestored() {
            }
        };
        MediaRoom room = server.createRoom("room-slow", slowAudioOnly).toCompletableFuture().join();
        done(room.publish("a", offer(SENDRECV), MediaModality.AUDIO_VIDEO));
        Eventually.until(Duration.ofSeconds(10), () -> heard.modalityOf("a") == MediaModality.AUDIO_VIDEO);
        String publisher = endpoints().get(0).id();
        Thread.sleep(1000); // the publish's own reports are all in
        heard.flows.clear();
        armed.set(true);

        kms.browserSends(publisher, Kind.VIDEO, false); // a camera hiccup: audio only ...
        assertThat(slowOneStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(5); // KMS stamps events in milliseconds
        kms.browserSends(publisher, Kind.VIDEO, true); // ... and video again, reported while the first is on its way
        Eventually.until(Duration.ofSeconds(10), () -> heard.flows.size() >= 2);
        Thread.sleep(1500); // nothing else is on its way

        assertThat(heard.flows).extracting(RecordingMediaListener.Flow::modality)
                .containsExactly(MediaModality.AUDIO_ONLY, MediaModality.AUDIO_VIDEO);
        done(room.release());
    }

    @Test
    void candidatesGoToTheirEndpointAndUnknownEndpointsAreRefused() {
        MediaRoom room = room();
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.addIceCandidate(MediaEndpointRef.publisher("a"),
                new IceCandidate("candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "0", 0)));
        assertThat(kms.calls()).anyMatch(c -> "addIceCandidate".equals(c.detail()) && !c.failed());
        assertThatThrownBy(() -> done(room.addIceCandidate(MediaEndpointRef.publisher("x"),
                new IceCandidate("candidate:1 1 udp 1 127.0.0.1 1 typ host", "0", 0))))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedOfferFailsThePublishAndLeaksNothing() {
        MediaRoom room = room();
        kms.failWhen(call -> "processOffer".equals(call.detail()));
        assertThatThrownBy(() -> done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO)))
                .isInstanceOf(IllegalStateException.class);
        kms.failWhen(call -> false);
        done(room.removeParticipant("a"));
        done(room.release());
        Eventually.until(Duration.ofSeconds(10), () -> kms.liveObjects().isEmpty());
    }

    @Test
    void aRestartedMediaServerInterruptsTheRoomAndANewOfferRebuildsIt() {
        MediaRoom room = room();
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        done(room.publish("b", offer(SENDONLY), MediaModality.AUDIO_VIDEO));

        kms.stop();
        Eventually.until(Duration.ofSeconds(20), () -> listener.outages.contains("interrupted"));
        assertThat(server.status()).extracting(KurentoMediaServer.NodeStatus::reachable).containsExactly(false);
        assertThatThrownBy(() -> done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO)))
                .isInstanceOf(IllegalStateException.class);

        kms.restart();
        Eventually.until(Duration.ofSeconds(30), () -> {
            server.probeAll();
            return listener.outages.contains("restored");
        });
        // The restart took every old object; the room builds nothing until an offer comes.
        assertThat(kms.liveObjects()).isEmpty();
        done(room.publish("a", offer(SENDONLY), MediaModality.AUDIO_VIDEO));
        assertThat(kms.liveObjects("MediaPipeline")).hasSize(1);
        assertThat(kms.liveObjects("WebRtcEndpoint")).hasSize(1);
        done(room.release());
        assertThat(kms.liveObjects()).isEmpty();
    }

    @Test
    void anOfferKmsCannotParseFailsThePublish() {
        MediaRoom room = room();
        assertThatThrownBy(() -> done(room.publish("a", new SdpOffer("v=0\r\n"), MediaModality.AUDIO_VIDEO)))
                .isInstanceOf(IllegalStateException.class);
        done(room.release());
        Eventually.until(Duration.ofSeconds(10), () -> kms.liveObjects().isEmpty());
    }

    @Test
    void aFullRoomsOffersAtOnceAreAllAnsweredOnOneConnection() {
        MediaRoom room = room();
        List<String> ids = java.util.stream.IntStream.range(0, 13).mapToObj(n -> "p" + n).toList();
        List<java.util.concurrent.CompletableFuture<SdpAnswer>> answers = new java.util.ArrayList<>();
        for (String id : ids) {
            answers.add(room.publish(id, offer(SENDONLY), MediaModality.AUDIO_VIDEO).toCompletableFuture());
        }
        answers.forEach(KurentoMediaRoomTest::done);
        answers.clear();
        for (String id : ids) {
            for (String other : ids) {
                if (!other.equals(id)) {
                    answers.add(room.subscribe(id, other, offer(RECVONLY)).toCompletableFuture());
                }
            }
        }
        answers.forEach(KurentoMediaRoomTest::done);
        assertThat(endpoints()).hasSize(13 + 13 * 12);
        assertThat(listener.outages).isEmpty();
        done(room.release());
        Eventually.until(Duration.ofSeconds(20), () -> kms.liveObjects().isEmpty());
    }
}
