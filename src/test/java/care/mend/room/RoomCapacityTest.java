package care.mend.room;

import static care.mend.room.RoomFixture.done;
import static care.mend.room.RoomFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Twelve patient seats and two facilitator seats; waiting patients hold none. */
class RoomCapacityTest {

    private final RoomFixture fx = new RoomFixture();

    private List<ParticipantId> seatTwelve(ParticipantId facilitator) {
        List<ParticipantId> seated = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            seated.add(fx.seatPatient(facilitator, "p" + i));
        }
        return seated;
    }

    @Test
    void theThirteenthPatientIsRefusedAndTheRoomIsUnchanged() {
        ParticipantId f1 = fx.join("f1").participantId();
        seatTwelve(f1);
        RoomSnapshot before = done(fx.room().snapshot(f1));
        int presenceBefore = fx.recorder.presence().size();

        refused(fx.registry.join(fx.plan(), "p13"), RoomErrorCode.ROOM_FULL);

        RoomSnapshot after = done(fx.room().snapshot(f1));
        assertThat(after).isEqualTo(before);
        assertThat(after.participants()).filteredOn(v -> v.role() == RoomRole.PATIENT).hasSize(12);
        assertThat(after.waiting()).isEmpty();
        assertThat(fx.recorder.presence()).hasSize(presenceBefore);
    }

    @Test
    void aWaitingPatientIsNotAdmittedIntoAFullRoomAndKeepsWaiting() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p13 = fx.join("p13").participantId();
        seatTwelve(f1);
        RoomSnapshot before = done(fx.room().snapshot(f1));
        int presenceBefore = fx.recorder.presence().size();

        refused(fx.room().admit(f1, p13), RoomErrorCode.ROOM_FULL);

        RoomSnapshot after = done(fx.room().snapshot(f1));
        assertThat(after).isEqualTo(before);
        assertThat(after.waiting()).extracting(ParticipantView::id).containsExactly(p13);
        assertThat(fx.recorder.presence()).hasSize(presenceBefore);
        assertThat(fx.recorder.eventsFor(p13)).noneMatch(e -> e instanceof RoomEvent.Admitted);
    }

    @Test
    void aReconnectingPatientKeepsTheirSeat() {
        ParticipantId f1 = fx.join("f1").participantId();
        List<ParticipantId> seated = seatTwelve(f1);
        done(fx.registry.connectionLost(fx.sessionId, seated.get(0)));

        refused(fx.registry.join(fx.plan(), "p13"), RoomErrorCode.ROOM_FULL);

        done(fx.registry.leave(fx.sessionId, seated.get(1)));
        ParticipantId p13 = fx.join("p13").participantId();
        done(fx.room().admit(f1, p13));
        assertThat(fx.view(f1, p13).status()).isEqualTo(ParticipantStatus.PRESENT);
    }

    @Test
    void waitingPatientsTakeNoSeat() {
        ParticipantId f1 = fx.join("f1").participantId();
        for (int i = 1; i <= 14; i++) {
            fx.join("p" + i);
        }
        RoomSnapshot s = done(fx.room().snapshot(f1));
        assertThat(s.waiting()).hasSize(14);
        assertThat(s.participants()).hasSize(1);
    }

    @Test
    void aThirdFacilitatorIsRefusedUntilASeatFrees() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId f2 = fx.join("f2").participantId();
        RoomSnapshot before = done(fx.room().snapshot(f1));

        refused(fx.registry.join(fx.plan(), "f3"), RoomErrorCode.FACILITATORS_FULL);
        assertThat(done(fx.room().snapshot(f1))).isEqualTo(before);

        done(fx.registry.connectionLost(fx.sessionId, f2));
        refused(fx.registry.join(fx.plan(), "f3"), RoomErrorCode.FACILITATORS_FULL);

        done(fx.registry.leave(fx.sessionId, f2));
        assertThat(fx.join("f3").role()).isEqualTo(RoomRole.FACILITATOR);
    }

    @Test
    void autoAdmitFillsTwelveSeatsAndTheNextInLineTakesAFreedSeat() {
        fx.autoAdmit();
        // Fourteen arrive before the facilitator: all wait; the facilitator's arrival seats twelve in queue order.
        List<ParticipantId> patients = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            patients.add(fx.join("p" + i).participantId());
        }
        ParticipantId f1 = fx.join("f1").participantId();
        RoomSnapshot s = done(fx.room().snapshot(f1));
        assertThat(s.participants()).filteredOn(v -> v.role() == RoomRole.PATIENT).hasSize(12);
        assertThat(s.waiting()).extracting(ParticipantView::id).containsExactly(patients.get(12), patients.get(13));

        done(fx.registry.leave(fx.sessionId, patients.get(0)));

        s = done(fx.room().snapshot(f1));
        assertThat(fx.view(f1, patients.get(12)).status()).isEqualTo(ParticipantStatus.PRESENT);
        assertThat(s.waiting()).extracting(ParticipantView::id).containsExactly(patients.get(13));
    }
}
