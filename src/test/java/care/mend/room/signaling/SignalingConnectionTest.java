package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.unavailable.UnavailableMediaServer;
import care.mend.room.LeaveReason;
import care.mend.room.ParticipantName;
import care.mend.room.ParticipantStatus;
import care.mend.room.PresenceEvent;
import care.mend.room.RoomConfig;
import care.mend.room.RoomOutlets;
import care.mend.room.RoomPlan;
import care.mend.room.RoomRegistry;
import care.mend.room.RoomRole;
import care.mend.room.RoomRuntime;
import care.mend.room.SessionLifecycleListener;
import care.mend.security.CurrentUser;
import care.mend.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The session logic of connections against a real registry on a direct executor: every command has run and every
 * reply and event is queued by the time the call returns. Sockets are fakes that record frames.
 */
class SignalingConnectionTest {

    static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    final UUID sessionId = UUID.randomUUID();
    final List<PresenceEvent> presence = new CopyOnWriteArrayList<>();
    final List<String> lifecycle = new CopyOnWriteArrayList<>();
    final ConnectionDirectory directory = new ConnectionDirectory();
    final RoomRegistry registry = new RoomRegistry(RoomConfig.DEFAULTS,
            new RoomRuntime(Runnable::run, (delay, task) -> () -> { },
                    Clock.fixed(START.minus(Duration.ofMinutes(5)), ZoneOffset.UTC)),
            new UnavailableMediaServer(), new RoomOutlets(new SignalingNotifier(directory), presence::add,
            new SessionLifecycleListener() {
                @Override
                public void sessionLive(UUID id, Instant at) {
                    lifecycle.add("live");
                }

                @Override
                public void sessionEnded(UUID id, Instant at) {
                    lifecycle.add("ended");
                }
            }));
    RoomPlans plans = (caller, id, location) -> {
        if (!id.equals(sessionId)) {
            throw new RoomPlans.Refusal(SignalingErrorCode.SESSION_NOT_FOUND);
        }
        return new RoomPlan(sessionId, START, START.plus(Duration.ofHours(3)), Set.of("f1"), Set.of("p1", "p2"),
                false, Map.of("f1", ParticipantName.staff("Dana Reyes"),
                        "p1", ParticipantName.patient("Ana", "Ana Alvarez (test)", P1_RECORD),
                        "p2", ParticipantName.patient("Ben", "Benjamin Brooks (test)", P2_RECORD)));
    };
    static final UUID P1_RECORD = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    static final UUID P2_RECORD = UUID.fromString("00000000-0000-4000-8000-0000000000b2");

    /** A socket that records what it is sent and completes every send at once. */
    static final class FakeSink implements OutboundQueue.FrameSink {
        final List<ServerMessage> received = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        SignalingCloseReason closedWith;
        boolean closed;

        @Override
        public void sendText(String text, Consumer<Throwable> done) {
            texts.add(text);
            received.add(SignalingJson.decodeServerMessage(text));
            done.accept(null);
        }

        @Override
        public void sendPing(Consumer<Throwable> done) {
            done.accept(null);
        }

        @Override
        public void close(SignalingCloseReason reason) {
            closed = true;
            closedWith = reason;
        }

        <T extends ServerMessage> List<T> all(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends ServerMessage> T last(Class<T> type) {
            List<T> all = all(type);
            assertThat(all).as("a %s", type.getSimpleName()).isNotEmpty();
            return all.get(all.size() - 1);
        }

        ServerMessage.ErrorMessage lastError() {
            return last(ServerMessage.ErrorMessage.class);
        }
    }

    record Client(SignalingConnection connection, FakeSink sink) {
        void send(ClientMessage message) {
            connection.handle(message);
        }
    }

    Client connect(String subject) {
        FakeSink sink = new FakeSink();
        CurrentUser user = new CurrentUser(subject, Set.of(subject.startsWith("f") ? Role.FACILITATOR : Role.PATIENT),
                "127.0.0.1");
        return new Client(new SignalingConnection(user, new OutboundQueue(sink, Runnable::run, 256), registry, plans,
                directory), sink);
    }

    Client joined(String subject) {
        Client client = connect(subject);
        client.send(new ClientMessage.Join("j", sessionId, null, null));
        assertThat(client.sink().last(ServerMessage.Joined.class).requestId()).isEqualTo("j");
        return client;
    }

    static String id(Client client) {
        return client.sink().last(ServerMessage.Joined.class).participantId();
    }

    @Test
    void aPatientIsSentOtherPeoplesNamesButNoPatientsRecordNameOrIdAndAFacilitatorIsSentBoth() {
        Client facilitator = joined("f1");
        Client ana = joined("p1");
        Client ben = joined("p2");
        facilitator.send(new ClientMessage.Admit("a1", id(ana), null));
        facilitator.send(new ClientMessage.Admit("a2", id(ben), null));
        ben.send(new ClientMessage.RaiseHand("h"));

        for (String frame : ana.sink().texts) {
            assertThat(frame).doesNotContain("recordName").doesNotContain("patientId")
                    .doesNotContain("Alvarez").doesNotContain("Brooks")
                    .doesNotContain(P1_RECORD.toString()).doesNotContain(P2_RECORD.toString());
        }
        RoomView seenByAna = ana.sink().last(ServerMessage.RoomUpdated.class).room();
        assertThat(seenByAna.participants()).extracting(RoomView.Participant::name)
                .containsExactly("Dana Reyes", "Ana", "Ben");
        assertThat(seenByAna.participants()).extracting(RoomView.Participant::role)
                .containsExactly(RoomRole.FACILITATOR, RoomRole.PATIENT, RoomRole.PATIENT);

        RoomView seenByFacilitator = facilitator.sink().last(ServerMessage.RoomUpdated.class).room();
        assertThat(seenByFacilitator.participants()).extracting(RoomView.Participant::recordName)
                .containsExactly(null, "Ana Alvarez (test)", "Benjamin Brooks (test)");
        assertThat(seenByFacilitator.participants()).extracting(RoomView.Participant::patientId)
                .containsExactly(null, P1_RECORD, P2_RECORD);
        assertThat(facilitator.sink().all(ServerMessage.RoomUpdated.class)).anySatisfy(update ->
                assertThat(update.room().waiting()).extracting(RoomView.Participant::name).contains("Ana"));
        assertThat(seenByFacilitator.toString()).doesNotContain("Ana").doesNotContain(P1_RECORD.toString());
    }

    @Test
    void aPingIsAnsweredOkBeforeJoiningAndInTheRoomAndChangesNothing() {
        Client outside = connect("p2");
        outside.send(new ClientMessage.Ping("q1"));
        assertThat(outside.sink().last(ServerMessage.Ok.class).requestId()).isEqualTo("q1");

        Client ana = joined("p1");
        int before = ana.sink().received.size();
        ana.send(new ClientMessage.Ping("q2"));
        assertThat(ana.sink().received.subList(before, ana.sink().received.size()))
                .containsExactly(new ServerMessage.Ok("q2"));
    }

    @Test
    void aWholeSessionFromJoinToEnd() {
        Client facilitator = joined("f1");
        ServerMessage.Joined fJoined = facilitator.sink().last(ServerMessage.Joined.class);
        assertThat(fJoined.role()).isEqualTo(RoomRole.FACILITATOR);
        assertThat(fJoined.status()).isEqualTo(ParticipantStatus.PRESENT);
        assertThat(lifecycle).containsExactly("live");

        Client patient = joined("p1");
        assertThat(patient.sink().last(ServerMessage.Joined.class).status()).isEqualTo(ParticipantStatus.WAITING);
        assertThat(facilitator.sink().last(ServerMessage.RoomUpdated.class).room().waiting())
                .extracting(RoomView.Participant::participantId).containsExactly(id(patient));

        facilitator.send(new ClientMessage.Admit("a", id(patient), null));
        assertThat(facilitator.sink().last(ServerMessage.Ok.class).requestId()).isEqualTo("a");
        assertThat(patient.sink().all(ServerMessage.Admitted.class)).hasSize(1);
        assertThat(patient.sink().last(ServerMessage.RoomUpdated.class).room().participants()).hasSize(2);

        patient.send(new ClientMessage.RaiseHand("h"));
        assertThat(facilitator.sink().last(ServerMessage.RoomUpdated.class).room().participants())
                .filteredOn(p -> p.participantId().equals(id(patient)))
                .singleElement().extracting(RoomView.Participant::handRaised).isEqualTo(true);

        facilitator.send(new ClientMessage.AskToMute("m", id(patient)));
        assertThat(patient.sink().last(ServerMessage.MuteRequested.class).by()).isEqualTo(id(facilitator));

        patient.send(new ClientMessage.Publish("p", "v=0", null));
        assertThat(patient.sink().lastError())
                .isEqualTo(ServerMessage.ErrorMessage.of(SignalingErrorCode.MEDIA_UNAVAILABLE, "p"));

        facilitator.send(new ClientMessage.EndSession("e"));
        assertThat(facilitator.sink().last(ServerMessage.Dismissed.class).reason()).isEqualTo(LeaveReason.SESSION_ENDED);
        assertThat(patient.sink().last(ServerMessage.Dismissed.class).reason()).isEqualTo(LeaveReason.SESSION_ENDED);
        assertThat(facilitator.sink().last(ServerMessage.Ok.class).requestId()).isEqualTo("e");
        assertThat(lifecycle).containsExactly("live", "ended");
        assertThat(directory.size()).isZero();

        patient.send(new ClientMessage.RaiseHand("late"));
        assertThat(patient.sink().lastError().code()).isEqualTo(SignalingErrorCode.NOT_IN_ROOM);
        assertThat(patient.sink().closed).isFalse();
    }

    @Test
    void theJoinedReplyComesBeforeAnyLaterEventAndEveryReplyEchoesItsRequest() {
        Client facilitator = joined("f1");
        assertThat(facilitator.sink().received.get(0)).isInstanceOf(ServerMessage.Joined.class);
        facilitator.send(new ClientMessage.Lock("l"));
        facilitator.send(new ClientMessage.Unlock(null));
        assertThat(facilitator.sink().all(ServerMessage.Ok.class)).extracting(ServerMessage.Ok::requestId)
                .containsExactly("l", null);
    }

    @Test
    void refusalsBecomeErrorsWithStableCodesAndChangeNothing() {
        Client stranger = connect("stranger");
        stranger.send(new ClientMessage.Join("1", sessionId, null, null));
        assertThat(stranger.sink().lastError())
                .isEqualTo(ServerMessage.ErrorMessage.of(SignalingErrorCode.NOT_A_MEMBER, "1"));
        assertThat(registry.size()).isZero();

        stranger.send(new ClientMessage.Join("2", UUID.randomUUID(), null, null));
        assertThat(stranger.sink().lastError().code()).isEqualTo(SignalingErrorCode.SESSION_NOT_FOUND);

        Client facilitator = connect("f1");
        facilitator.send(new ClientMessage.Admit("3", "nobody", null));
        assertThat(facilitator.sink().lastError().code()).isEqualTo(SignalingErrorCode.NOT_IN_ROOM);
        facilitator.send(new ClientMessage.Join("4", sessionId, null, null));
        facilitator.send(new ClientMessage.Join("5", sessionId, null, null));
        assertThat(facilitator.sink().lastError())
                .isEqualTo(ServerMessage.ErrorMessage.of(SignalingErrorCode.ALREADY_IN_ROOM, "5"));
        facilitator.send(new ClientMessage.Admit("6", "nobody", null));
        assertThat(facilitator.sink().lastError().code()).isEqualTo(SignalingErrorCode.UNKNOWN_PARTICIPANT);

        Client patient = joined("p1");
        patient.send(new ClientMessage.Admit("7", id(patient), null));
        assertThat(patient.sink().lastError().code()).isEqualTo(SignalingErrorCode.NOT_A_FACILITATOR);
        patient.send(new ClientMessage.Subscribe("8", id(facilitator), "v=0"));
        assertThat(patient.sink().lastError().requestId()).isEqualTo("8");
        patient.send(new ClientMessage.IceCandidate("9", EndpointName.subscriberOf(id(patient)), "c", "0", 0));
        assertThat(patient.sink().lastError())
                .isEqualTo(ServerMessage.ErrorMessage.of(SignalingErrorCode.INVALID_MESSAGE, "9"));
    }

    @Test
    void aDroppedConnectionIsHeldAndResumedOnANewConnectionAsTheSameParticipant() {
        Client facilitator = joined("f1");
        Client patient = joined("p1");
        facilitator.send(new ClientMessage.Admit("a", id(patient), null));
        String token = patient.sink().last(ServerMessage.Joined.class).resumeToken();

        patient.connection().closed();
        assertThat(facilitator.sink().last(ServerMessage.RoomUpdated.class).room().participants())
                .filteredOn(p -> p.participantId().equals(id(patient))).singleElement()
                .extracting(RoomView.Participant::reconnecting).isEqualTo(true);

        Client again = connect("p1");
        again.send(new ClientMessage.Resume("r", sessionId, token));
        ServerMessage.Resumed resumed = again.sink().last(ServerMessage.Resumed.class);
        assertThat(resumed.participantId()).isEqualTo(id(patient));
        assertThat(resumed.status()).isEqualTo(ParticipantStatus.PRESENT);
        assertThat(resumed.resumeToken()).isNotEqualTo(token);
        assertThat(facilitator.sink().last(ServerMessage.RoomUpdated.class).room().participants())
                .filteredOn(p -> p.participantId().equals(id(patient))).singleElement()
                .extracting(RoomView.Participant::reconnecting).isEqualTo(false);

        // The old token is used up; a late close of the old connection does not drop the resumed participant.
        Client thief = connect("p1");
        thief.send(new ClientMessage.Resume("x", sessionId, token));
        assertThat(thief.sink().lastError().code()).isEqualTo(SignalingErrorCode.RESUME_TOKEN_INVALID);
        patient.connection().closed();
        again.send(new ClientMessage.RaiseHand("h"));
        assertThat(again.sink().last(ServerMessage.Ok.class).requestId()).isEqualTo("h");
    }

    @Test
    void aResumeWhileTheOldConnectionIsStillOpenClosesTheOldOne() {
        joined("f1");
        Client patient = joined("p1");
        String token = patient.sink().last(ServerMessage.Joined.class).resumeToken();

        Client again = connect("p1");
        again.send(new ClientMessage.Resume("r", sessionId, token));

        assertThat(again.sink().last(ServerMessage.Resumed.class).participantId()).isEqualTo(id(patient));
        assertThat(patient.sink().closedWith).isEqualTo(SignalingCloseReason.RESUMED_ELSEWHERE);
        patient.connection().closed();
        again.send(new ClientMessage.Leave("bye"));
        assertThat(again.sink().last(ServerMessage.Dismissed.class).reason()).isEqualTo(LeaveReason.LEFT);
        assertThat(again.sink().last(ServerMessage.Ok.class).requestId()).isEqualTo("bye");
    }

    @Test
    void aPlanRefusalComesBackWithItsCode() {
        plans = (caller, id, location) -> {
            throw new RoomPlans.Refusal(SignalingErrorCode.ACCESS_DENIED);
        };
        Client patient = connect("p9");
        patient.send(new ClientMessage.Join("j", sessionId, null, null));
        assertThat(patient.sink().lastError())
                .isEqualTo(ServerMessage.ErrorMessage.of(SignalingErrorCode.ACCESS_DENIED, "j"));
        patient.send(new ClientMessage.Join("j2", sessionId, null, null));
        assertThat(patient.sink().lastError().requestId()).isEqualTo("j2");
    }

    @Test
    void everyRoomEventHasAWireForm() {
        for (Class<?> event : care.mend.room.RoomEvent.class.getPermittedSubclasses()) {
            assertThat(event.getSimpleName()).isNotBlank();
        }
        assertThat(SignalingNotifier.toMessage(new care.mend.room.RoomEvent.Dismissed(LeaveReason.REMOVED)))
                .isEqualTo(new ServerMessage.Dismissed(LeaveReason.REMOVED));
        assertThat(SignalingNotifier.toMessage(new care.mend.room.RoomEvent.IceCandidateFound(
                care.mend.media.MediaEndpointRef.subscriber("a", "b"), new care.mend.media.IceCandidate("c", "0", 1))))
                .isEqualTo(new ServerMessage.IceCandidate(EndpointName.subscriberOf("b"), "c", "0", 1));
    }
}
