package care.mend.room;

import static care.mend.room.RoomFixture.done;
import static care.mend.room.RoomFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.SdpOffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Remove (with or without a bar), mute requests and mutes, lock, end. */
class FacilitatorControlsTest {

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
    void aRemovedPatientMayComeBackToTheWaitingRoom() {
        done(fx.room().remove(f1, p1, false));

        assertThat(fx.recorder.eventsFor(p1)).last().isEqualTo(new RoomEvent.Dismissed(LeaveReason.REMOVED));
        assertThat(fx.recorder.presenceOf(p1)).extracting(PresenceEvent::kind)
                .containsExactly(PresenceKind.ADMITTED, PresenceKind.LEFT);
        assertThat(fx.recorder.lastSnapshot(p2).participants()).extracting(ParticipantView::id).doesNotContain(p1);

        RoomEntry again = fx.join("p1");
        assertThat(again.participantId()).isNotEqualTo(p1);
        assertThat(again.snapshot().you().status()).isEqualTo(ParticipantStatus.WAITING);
    }

    @Test
    void aBarredPatientCannotComeBackToThisSession() {
        done(fx.room().remove(f1, p1, true));

        assertThat(fx.recorder.eventsFor(p1)).last()
                .isEqualTo(new RoomEvent.Dismissed(LeaveReason.REMOVED_AND_BARRED));
        refused(fx.registry.join(fx.plan(), "p1"), RoomErrorCode.REMOVED_FROM_SESSION);
        // the bar is per session: the same person may join another session's room
        RoomEntry elsewhere = done(fx.registry.join(fx.plan(UUID.randomUUID()), "p1"));
        assertThat(elsewhere.participantId()).isNotEqualTo(p1);
    }

    @Test
    void aWaitingPatientCanBeRemovedAndBarred() {
        ParticipantId p3 = fx.join("p3").participantId();
        done(fx.room().remove(f1, p3, true));
        assertThat(done(fx.room().snapshot(f1)).waiting()).isEmpty();
        refused(fx.registry.join(fx.plan(), "p3"), RoomErrorCode.REMOVED_FROM_SESSION);
    }

    @Test
    void patientsCannotRemoveAndFacilitatorsCannotBeRemoved() {
        ParticipantId f2 = fx.join("f2").participantId();
        refused(fx.room().remove(p1, p2, false), RoomErrorCode.NOT_A_FACILITATOR);
        refused(fx.room().remove(f1, f2, false), RoomErrorCode.NOT_ALLOWED);
        assertThat(done(fx.room().snapshot(f1)).participants()).hasSize(4);
    }

    @Test
    void askingToMuteChangesNothingButTellsTheParticipant() {
        done(fx.room().askToMute(f1, p1));
        assertThat(fx.recorder.eventsFor(p1)).last().isEqualTo(new RoomEvent.MuteRequested(f1));
        assertThat(fx.view(f1, p1).muted()).isFalse();
        refused(fx.room().askToMute(p2, p1), RoomErrorCode.NOT_A_FACILITATOR);
    }

    @Test
    void aFacilitatorMutesOneOrEveryPatientButOnlyEachPersonUnmutes() {
        ParticipantId f2 = fx.join("f2").participantId();
        done(fx.room().mute(f1, p1));
        assertThat(fx.view(f1, p1).muted()).isTrue();
        assertThat(fx.recorder.eventsFor(p1)).contains(new RoomEvent.Muted(f1));

        refused(fx.room().unmute(f1, p1), RoomErrorCode.NOT_ALLOWED);
        refused(fx.room().unmute(p2, p1), RoomErrorCode.NOT_ALLOWED);
        refused(fx.room().unmute(f2, p1), RoomErrorCode.NOT_ALLOWED);
        assertThat(fx.view(f1, p1).muted()).isTrue();

        done(fx.room().unmute(p1, p1));
        assertThat(fx.view(f1, p1).muted()).isFalse();

        done(fx.room().muteAll(f1));
        RoomSnapshot s = done(fx.room().snapshot(f1));
        assertThat(s.participants()).filteredOn(v -> v.role() == RoomRole.PATIENT).allMatch(ParticipantView::muted);
        assertThat(s.participants()).filteredOn(v -> v.role() == RoomRole.FACILITATOR).noneMatch(ParticipantView::muted);
        assertThat(fx.recorder.eventsFor(p2)).contains(new RoomEvent.Muted(f1));

        refused(fx.room().muteAll(p1), RoomErrorCode.NOT_A_FACILITATOR);
        refused(fx.room().mute(p1, p2), RoomErrorCode.NOT_A_FACILITATOR);
    }

    @Test
    void lockingStopsNewJoinsButWaitingPatientsStayAndMayBeAdmitted() {
        ParticipantId p3 = fx.join("p3").participantId();
        done(fx.room().lock(f1));
        assertThat(fx.recorder.lastSnapshot(p1).status()).isEqualTo(RoomStatus.LOCKED);

        refused(fx.registry.join(fx.plan(), "p4"), RoomErrorCode.ROOM_LOCKED);
        assertThat(fx.view(f1, p3).status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(fx.join("f2").role()).isEqualTo(RoomRole.FACILITATOR);
        done(fx.room().admit(f1, p3));
        assertThat(fx.view(f1, p3).status()).isEqualTo(ParticipantStatus.PRESENT);
        refused(fx.room().lock(p1), RoomErrorCode.NOT_A_FACILITATOR);

        done(fx.room().unlock(f1));
        assertThat(fx.join("p4").snapshot().you().status()).isEqualTo(ParticipantStatus.WAITING);
    }

    @Test
    void lockingPausesAutoAdmitAndUnlockingResumesIt() {
        RoomFixture auto = new RoomFixture().autoAdmit();
        List<ParticipantId> seated = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            seated.add(auto.join("p" + i).participantId());
        }
        ParticipantId p13 = auto.join("p13").participantId();
        ParticipantId fa = auto.join("f1").participantId();
        assertThat(auto.view(fa, p13).status()).isEqualTo(ParticipantStatus.WAITING);
        done(auto.room().lock(fa));

        done(auto.registry.leave(auto.sessionId, seated.get(0)));
        assertThat(auto.view(fa, p13).status()).isEqualTo(ParticipantStatus.WAITING);

        done(auto.room().unlock(fa));
        assertThat(auto.view(fa, p13).status()).isEqualTo(ParticipantStatus.PRESENT);
    }

    @Test
    void endingTheSessionEmptiesTheRoomReleasesMediaAndRetiresIt() {
        ParticipantId p3 = fx.join("p3").participantId();
        done(fx.room().publish(p1, new SdpOffer("v=0 p1")));
        done(fx.room().publish(p2, new SdpOffer("v=0 p2")));
        done(fx.room().subscribe(p1, p2, new SdpOffer("v=0 p1<-p2")));
        assertThat(fx.media.liveObjects()).isEqualTo(4);
        Room room = fx.room();
        refused(room.end(p1), RoomErrorCode.NOT_A_FACILITATOR);

        done(room.end(f1));

        for (ParticipantId id : new ParticipantId[] {f1, p1, p2, p3}) {
            assertThat(fx.recorder.eventsFor(id)).last()
                    .isEqualTo(new RoomEvent.Dismissed(LeaveReason.SESSION_ENDED));
        }
        assertThat(fx.recorder.presence()).filteredOn(e -> e.kind() == PresenceKind.SESSION_ENDED)
                .extracting(PresenceEvent::participantId).containsExactlyInAnyOrder(f1, p1, p2);
        assertThat(fx.recorder.lifecycle()).containsExactly("live " + fx.sessionId, "ended " + fx.sessionId);
        assertThat(fx.media.liveObjects()).isZero();
        assertThat(fx.media.room(fx.sessionId.toString()).releases())
                .containsExactly("subscriber p1<-p2".replace("p1", p1.value()).replace("p2", p2.value()),
                        "publisher " + p1.value(), "publisher " + p2.value(), "pipeline");
        assertThat(fx.registry.size()).isZero();
        assertThat(fx.registry.hasEnded(fx.sessionId)).isTrue();

        refused(fx.registry.join(fx.plan(), "f1"), RoomErrorCode.SESSION_ENDED);
        refused(fx.registry.inRoom(fx.sessionId, r -> r.raiseHand(p1)), RoomErrorCode.SESSION_ENDED);
        refused(room.raiseHand(p1), RoomErrorCode.SESSION_ENDED);
        done(fx.registry.leave(fx.sessionId, p1));
        done(room.leave(p1));
        assertThat(fx.registry.size()).isZero();
    }
}
