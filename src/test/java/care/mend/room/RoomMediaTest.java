package care.mend.room;

import static care.mend.room.RoomFixture.done;
import static care.mend.room.RoomFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.FakeMediaServer;
import care.mend.media.IceCandidate;
import care.mend.media.MediaEndpointRef;
import care.mend.media.SdpAnswer;
import care.mend.media.SdpOffer;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The room's use of the media port, with media work completing when the test says so. */
class RoomMediaTest {

    private final FakeMediaServer media = new FakeMediaServer().manual();
    private final RoomFixture fx = new RoomFixture(media, Runnable::run, RoomConfig.DEFAULTS);
    private ParticipantId f1;
    private ParticipantId p1;

    private static IceCandidate candidate(int n) {
        return new IceCandidate("candidate:" + n + " 1 udp 2122260223 192.0.2.1 5400" + n + " typ host", "0", 0);
    }

    @BeforeEach
    void seated() {
        f1 = fx.join("f1").participantId();
        p1 = fx.seatPatient(f1, "p1");
        media.completeAll();
    }

    private FakeMediaServer.FakeMediaRoom mediaRoom() {
        return media.room(fx.sessionId.toString());
    }

    @Test
    void theMediaRoomIsCreatedOnceOnTheFirstSeat() {
        assertThat(media.roomsCreated()).isOne();
        fx.seatPatient(f1, "p2");
        fx.join("f2");
        media.completeAll();
        assertThat(media.roomsCreated()).isOne();
    }

    @Test
    void candidatesThatArriveBeforeTheirEndpointAreBufferedNotDropped() {
        MediaEndpointRef endpoint = MediaEndpointRef.publisher(p1.value());
        // before any offer there is no such endpoint: refused, nothing held
        refused(fx.room().addIceCandidate(p1, endpoint, candidate(1)), RoomErrorCode.UNKNOWN_ENDPOINT);
        CompletionStage<SdpAnswer> answer = fx.room().publish(p1, new SdpOffer("v=0"));
        done(fx.room().addIceCandidate(p1, endpoint, candidate(1)));
        done(fx.room().addIceCandidate(p1, endpoint, candidate(2)));
        done(fx.room().addIceCandidate(p1, endpoint, candidate(3)));
        assertThat(mediaRoom().candidatesOf(endpoint)).isEmpty();
        assertThat(answer.toCompletableFuture()).isNotDone();

        media.completeAll();

        assertThat(done(answer).sdp()).contains(p1.value());
        assertThat(mediaRoom().candidatesOf(endpoint)).containsExactly(candidate(1), candidate(2), candidate(3));
        done(fx.room().addIceCandidate(p1, endpoint, candidate(4)));
        assertThat(mediaRoom().candidatesOf(endpoint)).endsWith(candidate(4));
        assertThat(mediaRoom().refusedCandidates()).isZero();
    }

    @Test
    void candidatesForASubscriptionAreBufferedToo() {
        ParticipantId p2 = fx.seatPatient(f1, "p2");
        fx.room().publish(p2, new SdpOffer("v=0"));
        media.completeAll();
        MediaEndpointRef endpoint = MediaEndpointRef.subscriber(p1.value(), p2.value());
        CompletionStage<SdpAnswer> answer = fx.room().subscribe(p1, p2, new SdpOffer("v=0"));
        done(fx.room().addIceCandidate(p1, endpoint, candidate(1)));
        media.completeAll();
        done(answer);
        assertThat(mediaRoom().candidatesOf(endpoint)).containsExactly(candidate(1));
        assertThat(mediaRoom().refusedCandidates()).isZero();
    }

    @Test
    void candidatesOfANewOfferWaitForTheNewEndpoint() {
        MediaEndpointRef endpoint = MediaEndpointRef.publisher(p1.value());
        fx.room().publish(p1, new SdpOffer("v=0 first"));
        media.completeAll();
        done(fx.room().addIceCandidate(p1, endpoint, candidate(1)));
        assertThat(mediaRoom().candidatesOf(endpoint)).containsExactly(candidate(1));

        CompletionStage<SdpAnswer> again = fx.room().publish(p1, new SdpOffer("v=0 again"));
        done(fx.room().addIceCandidate(p1, endpoint, candidate(2)));
        assertThat(mediaRoom().candidatesOf(endpoint)).containsExactly(candidate(1));

        media.completeAll();
        done(again);
        assertThat(mediaRoom().candidatesOf(endpoint)).containsExactly(candidate(1), candidate(2));
    }

    @Test
    void aParticipantSendsCandidatesOnlyToItsOwnEndpoints() {
        ParticipantId p2 = fx.seatPatient(f1, "p2");
        refused(fx.room().addIceCandidate(p1, MediaEndpointRef.publisher(p2.value()), candidate(1)),
                RoomErrorCode.NOT_ALLOWED);
    }

    @Test
    void theMediaServersCandidatesGoToTheEndpointsOwner() {
        fx.room().publish(p1, new SdpOffer("v=0"));
        media.completeAll();
        MediaEndpointRef endpoint = MediaEndpointRef.publisher(p1.value());
        mediaRoom().gather(endpoint, candidate(7));
        assertThat(fx.recorder.eventsFor(p1)).contains(new RoomEvent.IceCandidateFound(endpoint, candidate(7)));
        assertThat(fx.recorder.eventsFor(f1)).noneMatch(e -> e instanceof RoomEvent.IceCandidateFound);
    }

    @Test
    void onlySeatedParticipantsPublishAndOnlyToPublishingParticipantsDoOthersSubscribe() {
        ParticipantId p2 = fx.join("p2").participantId();
        refused(fx.room().publish(p2, new SdpOffer("v=0")), RoomErrorCode.NOT_ALLOWED);
        refused(fx.room().subscribe(f1, p1, new SdpOffer("v=0")), RoomErrorCode.NOT_PUBLISHING);
        refused(fx.room().subscribe(p1, p1, new SdpOffer("v=0")), RoomErrorCode.NOT_ALLOWED);
    }

    @Test
    void anEndpointFinishedAfterItsOwnerLeftIsReleased() {
        CompletionStage<SdpAnswer> answer = fx.room().publish(p1, new SdpOffer("v=0"));
        done(fx.registry.leave(fx.sessionId, p1));

        media.completeAll();

        refused(answer, RoomErrorCode.UNKNOWN_PARTICIPANT);
        assertThat(media.liveEndpoints()).isZero();
    }

    @Test
    void aSubscriptionFinishedAfterItsPublisherLeftIsReleased() {
        fx.room().publish(p1, new SdpOffer("v=0"));
        media.completeAll();
        CompletionStage<SdpAnswer> answer = fx.room().subscribe(f1, p1, new SdpOffer("v=0"));
        done(fx.registry.leave(fx.sessionId, p1));
        media.completeAll();
        assertThat(answer.toCompletableFuture()).isCompletedExceptionally();
        assertThat(media.liveEndpoints()).isZero();
    }

    @Test
    void endingWhileTheMediaRoomIsStillBeingCreatedReleasesItOnceCreated() {
        RoomFixture slow = new RoomFixture(new FakeMediaServer().manual(), Runnable::run, RoomConfig.DEFAULTS);
        ParticipantId f = slow.join("f1").participantId();
        CompletionStage<SdpAnswer> answer = slow.room().publish(f, new SdpOffer("v=0"));
        done(slow.room().end(f));
        assertThat(slow.registry.size()).isZero();

        slow.media.completeAll();

        assertThat(slow.media.roomsCreated()).isOne();
        assertThat(slow.media.liveObjects()).isZero();
        assertThat(answer.toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void aRefusedAudioOnlyPublishChangesNothing() {
        FakeMediaServer down = new FakeMediaServer();
        down.failCreate(true);
        RoomFixture fx2 = new RoomFixture(down, Runnable::run, RoomConfig.DEFAULTS);
        ParticipantId f = fx2.join("f1").participantId();
        refused(fx2.room().publish(f, new SdpOffer("v=0"), true), RoomErrorCode.MEDIA_FAILED);
        assertThat(fx2.view(f, f).audioOnly()).isFalse();

        down.failCreate(false);
        done(fx2.room().publish(f, new SdpOffer("v=0"), true));
        assertThat(fx2.view(f, f).audioOnly()).isTrue();
        assertThat(fx2.view(f, f).publishing()).isTrue();
    }

    @Test
    void aMediaServerThatCannotBeReachedFailsThePublishAndIsAskedAgainLater() {
        FakeMediaServer down = new FakeMediaServer();
        down.failCreate(true);
        RoomFixture fx2 = new RoomFixture(down, Runnable::run, RoomConfig.DEFAULTS);
        ParticipantId f = fx2.join("f1").participantId();
        refused(fx2.room().publish(f, new SdpOffer("v=0")), RoomErrorCode.MEDIA_FAILED);
        assertThat(fx2.view(f, f).publishing()).isFalse();

        down.failCreate(false);
        done(fx2.room().publish(f, new SdpOffer("v=0")));
        assertThat(fx2.view(f, f).publishing()).isTrue();
        assertThat(down.roomsCreated()).isOne();
    }

    @Test
    void publishingIsSeenByOthersSoTheyCanSubscribe() {
        fx.room().publish(p1, new SdpOffer("v=0"));
        assertThat(fx.view(f1, p1).publishing()).isFalse();
        media.completeAll();
        assertThat(fx.recorder.lastSnapshot(f1).participants()).filteredOn(v -> v.id().equals(p1)).singleElement()
                .extracting(ParticipantView::publishing).isEqualTo(true);
    }

    @Test
    void sdpAndCandidatesNeverShowInToString() {
        assertThat(new SdpOffer("v=0 o=- 192.0.2.1").toString()).doesNotContain("192.0.2.1");
        assertThat(new SdpAnswer("v=0 o=- 192.0.2.1").toString()).doesNotContain("192.0.2.1");
        assertThat(candidate(1).toString()).doesNotContain("192.0.2.1");
        assertThat(new ResumeToken("secret").toString()).doesNotContain("secret");
    }

    @Test
    void aLostMediaServerInterruptsMediaButNotTheRoomAndARestoredOneAsksForNewOffers() {
        CompletionStage<SdpAnswer> first = fx.room().publish(p1, new SdpOffer("v=0"));
        media.completeAll();
        done(first);
        assertThat(fx.view(f1, p1).publishing()).isTrue();
        mediaRoom().flow(p1.value(), care.mend.media.MediaModality.AUDIO_VIDEO);

        mediaRoom().interrupt();
        fx.room().snapshot(f1);

        assertThat(fx.recorder.eventsFor(p1)).anyMatch(e -> e instanceof RoomEvent.MediaInterrupted);
        assertThat(fx.recorder.eventsFor(f1)).anyMatch(e -> e instanceof RoomEvent.MediaInterrupted);
        assertThat(fx.view(f1, p1).publishing()).isFalse();
        assertThat(fx.recorder.presenceOf(p1)).last().extracting(PresenceEvent::kind, PresenceEvent::modality)
                .containsExactly(PresenceKind.MODALITY_CHANGED, care.mend.media.MediaModality.NONE);
        assertThat(fx.view(f1, p1).status()).isEqualTo(ParticipantStatus.PRESENT);

        mediaRoom().restore();
        fx.room().snapshot(f1);
        assertThat(fx.recorder.eventsFor(p1)).anyMatch(e -> e instanceof RoomEvent.MediaRestored);
        CompletionStage<SdpAnswer> again = fx.room().publish(p1, new SdpOffer("v=0"));
        media.completeAll();
        assertThat(done(again).sdp()).contains(p1.value());
    }

    @Test
    void aLowBandwidthParticipantReceivesTheGridThroughItsOwnEndpoint() {
        CompletionStage<SdpAnswer> answer = fx.room().subscribeGrid(p1, new SdpOffer("v=0"));
        media.completeAll();
        assertThat(done(answer).sdp()).contains("grid");
        assertThat(mediaRoom().hasEndpoint(MediaEndpointRef.grid(p1.value()))).isTrue();
        done(fx.room().leave(p1));
        media.completeAll();
        assertThat(mediaRoom().hasEndpoint(MediaEndpointRef.grid(p1.value()))).isFalse();
    }

    @Test
    void switchingLowBandwidthStopsWhatTheOtherModeReceived() {
        CompletionStage<SdpAnswer> published = fx.room().publish(f1, new SdpOffer("v=0"));
        media.completeAll();
        done(published);
        CompletionStage<SdpAnswer> subscribed = fx.room().subscribe(p1, f1, new SdpOffer("v=0"));
        media.completeAll();
        done(subscribed);
        MediaEndpointRef stream = MediaEndpointRef.subscriber(p1.value(), f1.value());
        assertThat(mediaRoom().hasEndpoint(stream)).isTrue();

        done(fx.room().setLowBandwidth(p1, true));
        media.completeAll();
        assertThat(mediaRoom().hasEndpoint(stream)).as("the stream the grid replaces").isFalse();
        CompletionStage<SdpAnswer> grid = fx.room().subscribeGrid(p1, new SdpOffer("v=0"));
        media.completeAll();
        done(grid);

        done(fx.room().setLowBandwidth(p1, false));
        media.completeAll();
        assertThat(mediaRoom().hasEndpoint(MediaEndpointRef.grid(p1.value()))).as("the grid").isFalse();
        assertThat(mediaRoom().hasEndpoint(MediaEndpointRef.publisher(f1.value()))).isTrue();
    }
}
