package care.mend.room;

import static care.mend.room.RoomFixture.done;
import static care.mend.room.RoomFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import care.mend.media.MediaModality;
import care.mend.media.SdpOffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hands, mute, audio only, low bandwidth, leave: and that everyone sees them. */
class ParticipantActionsTest {

    private final RoomFixture fx = new RoomFixture();
    private ParticipantId f1;
    private ParticipantId p1;
    private ParticipantId p2;

    @BeforeEach
    void seated() {
        f1 = fx.join("f1").participantId();
        p1 = fx.seatPatient(f1, "p1");
        p2 = fx.seatPatient(f1, "p2");
    }

    @Test
    void raisingAndLoweringAHandIsSeenByEveryone() {
        done(fx.room().raiseHand(p1));
        for (ParticipantId viewer : new ParticipantId[] {f1, p1, p2}) {
            assertThat(fx.recorder.lastSnapshot(viewer).participants()).filteredOn(v -> v.id().equals(p1))
                    .singleElement().extracting(ParticipantView::handRaised).isEqualTo(true);
        }
        refused(fx.room().lowerHand(p2, p1), RoomErrorCode.NOT_A_FACILITATOR);
        done(fx.room().lowerHand(p1, p1));
        assertThat(fx.view(p2, p1).handRaised()).isFalse();

        done(fx.room().raiseHand(p1));
        done(fx.room().lowerHand(f1, p1));
        assertThat(fx.view(p2, p1).handRaised()).isFalse();
    }

    @Test
    void muteAndUnmuteSelf() {
        done(fx.room().mute(p1, p1));
        assertThat(fx.view(p2, p1).muted()).isTrue();
        assertThat(fx.recorder.eventsFor(p1)).noneMatch(e -> e instanceof RoomEvent.Muted);
        done(fx.room().unmute(p1, p1));
        assertThat(fx.view(p2, p1).muted()).isFalse();
    }

    @Test
    void audioOnlyIsAChoiceOthersSeeAndTheModalityFollowsWhatTheMediaServerReports() {
        done(fx.room().setAudioOnly(p1, true));
        assertThat(fx.view(p2, p1).audioOnly()).isTrue();
        // The choice is on the record at once; the minutes wait for what the media server sees.
        assertThat(fx.recorder.presenceOf(p1)).extracting(PresenceEvent::kind, PresenceEvent::modality).containsExactly(
                tuple(PresenceKind.ADMITTED, MediaModality.NONE),
                tuple(PresenceKind.MEDIA_CHOSEN, MediaModality.AUDIO_ONLY));

        done(fx.room().publish(p1, new SdpOffer("v=0")));
        // An answered offer is no media yet: nothing is claimed until the media server sees it flow.
        assertThat(fx.view(f1, p1).modality()).isEqualTo(MediaModality.NONE);
        fx.media.room(fx.sessionId.toString()).flow(p1.value(), MediaModality.AUDIO_ONLY);
        done(fx.room().setAudioOnly(p1, false));
        done(fx.room().setAudioOnly(p1, false));
        fx.media.room(fx.sessionId.toString()).flow(p1.value(), MediaModality.AUDIO_VIDEO);

        // Choosing twice is one choice; each change of choice and each change of flow is one event.
        assertThat(fx.recorder.presenceOf(p1)).extracting(PresenceEvent::kind, PresenceEvent::modality).containsExactly(
                tuple(PresenceKind.ADMITTED, MediaModality.NONE),
                tuple(PresenceKind.MEDIA_CHOSEN, MediaModality.AUDIO_ONLY),
                tuple(PresenceKind.MODALITY_CHANGED, MediaModality.AUDIO_ONLY),
                tuple(PresenceKind.MEDIA_CHOSEN, MediaModality.AUDIO_VIDEO),
                tuple(PresenceKind.MODALITY_CHANGED, MediaModality.AUDIO_VIDEO));
        assertThat(fx.view(f1, p1).modality()).isEqualTo(MediaModality.AUDIO_VIDEO);
        assertThat(fx.view(f1, p1).audioOnly()).isFalse();
    }

    @Test
    void audioOnlyChosenInTheWaitingRoomIsRecordedAtAdmission() {
        ParticipantId p3 = fx.join("p3").participantId();
        done(fx.room().setAudioOnly(p3, true));
        assertThat(fx.recorder.presenceOf(p3)).isEmpty();
        done(fx.room().admit(f1, p3));
        assertThat(fx.recorder.presenceOf(p3)).extracting(PresenceEvent::kind, PresenceEvent::modality).containsExactly(
                tuple(PresenceKind.ADMITTED, MediaModality.NONE),
                tuple(PresenceKind.MEDIA_CHOSEN, MediaModality.AUDIO_ONLY));
    }

    @Test
    void theMediaServersViewOfTheFlowIsRecordedToo() {
        done(fx.room().publish(p1, new SdpOffer("v=0")));
        fx.media.room(fx.sessionId.toString()).flow(p1.value(), MediaModality.AUDIO_VIDEO);
        fx.media.room(fx.sessionId.toString()).flow(p1.value(), MediaModality.NONE);
        assertThat(fx.view(f1, p1).modality()).isEqualTo(MediaModality.NONE);
        assertThat(fx.recorder.presenceOf(p1)).last().extracting(PresenceEvent::kind, PresenceEvent::modality)
                .containsExactly(PresenceKind.MODALITY_CHANGED, MediaModality.NONE);
    }

    @Test
    void lowBandwidthModeIsSeen() {
        done(fx.room().setLowBandwidth(p1, true));
        assertThat(fx.view(f1, p1).lowBandwidth()).isTrue();
        done(fx.room().setLowBandwidth(p1, false));
        assertThat(fx.view(f1, p1).lowBandwidth()).isFalse();
    }

    @Test
    void anUnchangedRoomSendsNoSnapshot() {
        done(fx.room().raiseHand(p1));
        int before = fx.recorder.deliveries().size();
        done(fx.room().raiseHand(p1));
        done(fx.room().snapshot(p1));
        assertThat(fx.recorder.deliveries()).hasSize(before);
    }

    @Test
    void leavingIsSeenRecordedAndIdempotent() {
        done(fx.registry.leave(fx.sessionId, p1));
        assertThat(fx.recorder.lastSnapshot(p2).participants()).extracting(ParticipantView::id).doesNotContain(p1);
        assertThat(fx.recorder.presenceOf(p1)).extracting(PresenceEvent::kind)
                .containsExactly(PresenceKind.ADMITTED, PresenceKind.LEFT);
        int deliveries = fx.recorder.deliveries().size();

        done(fx.registry.leave(fx.sessionId, p1));
        done(fx.room().leave(p1));

        assertThat(fx.recorder.presenceOf(p1)).hasSize(2);
        assertThat(fx.recorder.deliveries()).hasSize(deliveries);
        refused(fx.room().raiseHand(p1), RoomErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void presenceEventsCarryTheServerTimeAndDeterministicKeys() {
        done(fx.registry.leave(fx.sessionId, p1));
        assertThat(fx.recorder.presenceOf(p1)).extracting(PresenceEvent::idempotencyKey).containsExactly(
                fx.sessionId + ":" + p1 + ":ADMITTED:1", fx.sessionId + ":" + p1 + ":LEFT:2");
        assertThat(fx.recorder.presenceOf(p1)).allSatisfy(e -> {
            assertThat(e.at()).isEqualTo(fx.clock.instant());
            assertThat(e.subject()).isEqualTo("p1");
            assertThat(e.sessionId()).isEqualTo(fx.sessionId);
            assertThat(e.toString()).doesNotContain("p1").doesNotContain(p1.value());
        });
        assertThat(fx.recorder.presenceOf(f1)).extracting(PresenceEvent::role).containsOnly(RoomRole.FACILITATOR);
    }
}
