package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.unavailable.UnavailableMediaServer;
import care.mend.room.ParticipantId;
import care.mend.room.RoomConfig;
import care.mend.room.RoomEntry;
import care.mend.room.RoomOutlets;
import care.mend.room.RoomPlan;
import care.mend.room.RoomRegistry;
import care.mend.room.RoomRuntime;
import care.mend.room.SessionLifecycleListener;
import care.mend.security.CurrentUser;
import care.mend.security.Role;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The live rooms' meters against a real registry on a direct executor: the gauges read the rooms at each scrape,
 * the counters count accepted joins and resumes and every error reply by its code, and no tag names anyone.
 */
class RoomMetersTest {

    static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    final UUID sessionId = UUID.randomUUID();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RoomMeters roomMeters = new RoomMeters(meters);
    final ConnectionDirectory directory = new ConnectionDirectory();
    final RoomRegistry registry = new RoomRegistry(RoomConfig.DEFAULTS,
            new RoomRuntime(Runnable::run, (delay, task) -> () -> { },
                    Clock.fixed(START.minus(Duration.ofMinutes(5)), ZoneOffset.UTC)),
            new UnavailableMediaServer(), new RoomOutlets(new SignalingNotifier(directory), event -> { },
            new SessionLifecycleListener() {
                @Override
                public void sessionLive(UUID id, Instant at) {
                }

                @Override
                public void sessionEnded(UUID id, Instant at) {
                }
            }), roomMeters);
    final RoomPlan plan = new RoomPlan(sessionId, START, START.plus(Duration.ofHours(3)), Set.of("f1"),
            Set.of("p1", "p2"), false);

    RoomMetersTest() {
        roomMeters.watch(registry);
    }

    double gauge(String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    double counter(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    RoomEntry join(String subject) throws Exception {
        return registry.join(plan, subject).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void gaugesCountLiveRoomsAndParticipantsByState() throws Exception {
        assertThat(gauge(RoomMeters.ROOMS_LIVE)).isZero();

        RoomEntry facilitator = join("f1");
        RoomEntry p1 = join("p1");
        join("p2");
        assertThat(gauge(RoomMeters.ROOMS_LIVE)).isEqualTo(1);
        assertThat(gauge(RoomMeters.PARTICIPANTS, "state", "present")).isEqualTo(1);
        assertThat(gauge(RoomMeters.PARTICIPANTS, "state", "waiting")).isEqualTo(2);

        registry.inRoom(sessionId, room -> room.admit(facilitator.participantId(), p1.participantId()))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        registry.connectionLost(sessionId, p1.participantId()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(gauge(RoomMeters.PARTICIPANTS, "state", "present")).isEqualTo(1);
        assertThat(gauge(RoomMeters.PARTICIPANTS, "state", "waiting")).isEqualTo(1);
        assertThat(gauge(RoomMeters.PARTICIPANTS, "state", "reconnecting")).isEqualTo(1);

        registry.resume(sessionId, "p1", p1.resumeToken()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(gauge(RoomMeters.PARTICIPANTS, "state", "present")).isEqualTo(2);
        assertThat(gauge(RoomMeters.PARTICIPANTS, "state", "reconnecting")).isZero();
    }

    @Test
    void countersCountAcceptedJoinsAndResumesOnly() throws Exception {
        join("f1");
        RoomEntry p1 = join("p1");
        registry.join(plan, "stranger").toCompletableFuture().handle((entry, failure) -> null).get();
        registry.connectionLost(sessionId, p1.participantId()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        registry.resume(sessionId, "p1", p1.resumeToken()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        // A used token is refused, and a refusal is not a resume.
        registry.resume(sessionId, "p1", p1.resumeToken()).toCompletableFuture().handle((e, f) -> null).get();

        assertThat(counter(RoomMeters.JOINS, "role", "facilitator")).isEqualTo(1);
        assertThat(counter(RoomMeters.JOINS, "role", "patient")).isEqualTo(1);
        assertThat(counter(RoomMeters.RESUMES)).isEqualTo(1);
    }

    @Test
    void everyErrorReplyIsCountedByItsStableCode() {
        SignalingConnectionTest.FakeSink sink = new SignalingConnectionTest.FakeSink();
        SignalingConnection connection = new SignalingConnection(
                new CurrentUser("p9", Set.of(Role.PATIENT), "127.0.0.1"),
                new OutboundQueue(sink, Runnable::run, 256, roomMeters::error), registry,
                (caller, id, location) -> {
                    throw new RoomPlans.Refusal(SignalingErrorCode.SESSION_NOT_FOUND);
                }, directory);
        connection.handle(new ClientMessage.Join("j1", sessionId, null, null));
        connection.handle(new ClientMessage.Join("j2", sessionId, null, null));
        connection.handle(new ClientMessage.Leave("l"));

        assertThat(sink.lastError().code()).isEqualTo(SignalingErrorCode.SESSION_NOT_FOUND);
        assertThat(counter(RoomMeters.SIGNALING_ERRORS, "code", "SESSION_NOT_FOUND")).isEqualTo(2);
        // Every code is a series from the start, at zero.
        assertThat(counter(RoomMeters.SIGNALING_ERRORS, "code", "ROOM_FULL")).isZero();
    }

    @Test
    void noTagCarriesAnIdOrASubject() throws Exception {
        join("f1");
        join("p1");
        for (Meter meter : meters.getMeters()) {
            assertThat(meter.getId().getName()).startsWith("mend.");
            meter.getId().getTags().forEach(tag -> assertThat(tag.getValue())
                    .doesNotContain(sessionId.toString()).isNotIn("f1", "p1"));
        }
        assertThat(meters.getMeters()).extracting(m -> m.getId().getTags().stream().map(t -> t.getKey()).toList())
                .allSatisfy(keys -> assertThat(keys).isSubsetOf("state", "role", "code"));
    }

    static ParticipantId id(String value) {
        return new ParticipantId(value);
    }
}
