package care.mend.room;

import static care.mend.room.RoomFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * People are named from the plan, by subject: a patient by their chosen name, staff by their display name. Only a
 * facilitator sees a patient's record name and id; a patient never sees another patient's.
 */
class ParticipantNamesTest {

    private final RoomFixture fx = new RoomFixture();

    @Test
    void aFacilitatorSeesWaitingAndSeatedPatientsByChosenNameWithTheirRecord() {
        ParticipantId f1 = fx.join("f1").participantId();
        fx.seatPatient(f1, "p1");
        fx.join("p2");

        RoomSnapshot seen = done(fx.room().snapshot(f1));

        assertThat(seen.you().name()).isEqualTo(ParticipantName.staff("Facilitator f1"));
        assertThat(seen.participants()).extracting(ParticipantView::name).containsExactly(
                ParticipantName.staff("Facilitator f1"),
                ParticipantName.patient("Chosen p1", "Record p1", RoomFixture.recordOf("p1")));
        assertThat(seen.waiting()).extracting(ParticipantView::name).containsExactly(
                ParticipantName.patient("Chosen p2", "Record p2", RoomFixture.recordOf("p2")));
    }

    @Test
    void aPatientsViewOfTheRoomHasNoOtherPatientsRecordNameOrId() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.seatPatient(f1, "p1");
        fx.seatPatient(f1, "p2");
        fx.seatPatient(f1, "p3");
        fx.join("p4"); // waiting: not in a patient's view at all

        // Everything p1 was ever sent (the admission's room and every update since), and the room as p1 sees it now.
        List<RoomSnapshot> seenByP1 = new ArrayList<>();
        for (RoomEvent event : fx.recorder.eventsFor(p1)) {
            if (event instanceof RoomEvent.RoomUpdated updated) {
                seenByP1.add(updated.snapshot());
            } else if (event instanceof RoomEvent.Admitted admitted) {
                seenByP1.add(admitted.snapshot());
            }
        }
        assertThat(seenByP1).hasSizeGreaterThan(2);
        seenByP1.add(done(fx.room().snapshot(p1)));

        for (RoomSnapshot snapshot : seenByP1) {
            List<ParticipantView> everyone = new ArrayList<>(snapshot.participants());
            everyone.addAll(snapshot.waiting());
            everyone.add(snapshot.you());
            assertThat(everyone).allSatisfy(view -> {
                assertThat(view.name().recordName()).isNull();
                assertThat(view.name().patientId()).isNull();
            });
            assertThat(snapshot.toString()).doesNotContain("Record ").doesNotContain("Chosen ");
        }
        RoomSnapshot now = seenByP1.get(seenByP1.size() - 1);
        assertThat(now.participants()).extracting(v -> v.name().name())
                .containsExactly("Facilitator f1", "Chosen p1", "Chosen p2", "Chosen p3");
        assertThat(now.waiting()).isEmpty();
    }

    @Test
    void aNameIsTheSameAfterAReloadAResumeAndASeatTakenOverFromAnotherDevice() {
        ParticipantId f1 = fx.join("f1").participantId();
        fx.join("p2"); // someone else arrives first: no numbering by order
        ParticipantId p1 = fx.seatPatient(f1, "p1");
        ParticipantName before = fx.view(f1, p1).name();

        done(fx.registry.connectionLost(fx.sessionId, p1));
        assertThat(fx.view(f1, p1).name()).isEqualTo(before);
        fx.resume("p1", p1);
        assertThat(fx.view(f1, p1).name()).isEqualTo(before);
        RoomEntry otherDevice = fx.join("p1");
        assertThat(otherDevice.participantId()).isEqualTo(p1);
        assertThat(fx.view(f1, p1).name()).isEqualTo(before);
        assertThat(otherDevice.snapshot().you().name().name()).isEqualTo("Chosen p1");
    }

    @Test
    void aNameChosenBeforeAJoinShowsFromThatJoinAndAnUnnamedSubjectKeepsItsName() {
        ParticipantId f1 = fx.join("f1").participantId();
        ParticipantId p1 = fx.seatPatient(f1, "p1");
        Set<String> patients = new LinkedHashSet<>(List.of("p1", "p2"));
        Map<String, ParticipantName> names = new java.util.HashMap<>(RoomFixture.names(patients));
        names.put("p1", ParticipantName.patient("Pat", "Record p1", RoomFixture.recordOf("p1")));

        done(fx.registry.join(new RoomPlan(fx.sessionId, RoomFixture.START, RoomFixture.END, Set.of("f1"),
                patients, false, names), "p1"));
        assertThat(fx.view(f1, p1).name().name()).isEqualTo("Pat");

        // A plan that names nobody (its roster read without names) takes no one's name away.
        done(fx.registry.join(new RoomPlan(fx.sessionId, RoomFixture.START, RoomFixture.END, Set.of("f1"),
                patients, false), "p2"));
        assertThat(fx.view(f1, p1).name().name()).isEqualTo("Pat");
    }

    @Test
    void aNameNeverReachesALogLineThroughAView() {
        ParticipantName name = ParticipantName.patient("Ana", "Ana Alvarez", UUID.randomUUID());
        assertThat(name.toString()).doesNotContain("Ana").doesNotContain(name.patientId().toString());
        assertThat(name.forGroup()).isEqualTo(new ParticipantName("Ana", null, null));
    }
}
