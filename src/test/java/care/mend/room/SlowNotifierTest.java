package care.mend.room;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.FakeMediaServer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A notifier that blocks (breaking its contract) for one room delays that room's deliveries only. */
class SlowNotifierTest {

    private final ForkJoinPool pool = new ForkJoinPool(4);
    private final CountDownLatch released = new CountDownLatch(1);

    @AfterEach
    void stop() {
        released.countDown();
        pool.shutdownNow();
    }

    @Test
    void anotherRoomProgressesWhileOneRoomsNotifierIsStuck() throws Exception {
        UUID stuck = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<RoomEvent> deliveredToOther = new CopyOnWriteArrayList<>();
        CountDownLatch stuckEntered = new CountDownLatch(1);
        RoomNotifier notifier = (sessionId, recipient, event) -> {
            if (sessionId.equals(stuck)) {
                stuckEntered.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                deliveredToOther.add(event);
            }
        };
        ManualClock clock = new ManualClock(RoomFixture.START);
        RoomRegistry registry = new RoomRegistry(RoomConfig.DEFAULTS,
                new RoomRuntime(pool, new ManualScheduler(clock), clock), new FakeMediaServer(),
                new RoomOutlets(notifier, e -> { }, SessionLifecycleListener.none()));

        registry.join(plan(stuck), "f1").toCompletableFuture().get(10, TimeUnit.SECONDS);
        // the facilitator is told that a patient waits: the notifier gets stuck on that
        CompletionStage<RoomEntry> stuckJoin = registry.join(plan(stuck), "p1");
        assertThat(stuckEntered.await(10, TimeUnit.SECONDS)).isTrue();

        RoomEntry f1 = registry.join(plan(other), "f1").toCompletableFuture().get(10, TimeUnit.SECONDS);
        RoomEntry p1 = registry.join(plan(other), "p1").toCompletableFuture().get(10, TimeUnit.SECONDS);
        Room room = registry.find(other).orElseThrow();
        room.admit(f1.participantId(), p1.participantId()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        room.raiseHand(p1.participantId()).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(deliveredToOther).anyMatch(e -> e instanceof RoomEvent.Admitted);
        assertThat(stuckJoin.toCompletableFuture()).isNotDone();
        // the stuck room still takes commands: their results queue behind its own deliveries, nobody else's
        CompletableFuture<Void> stuckLeave = registry.leave(stuck, new ParticipantId("nobody")).toCompletableFuture();

        released.countDown();
        assertThat(stuckJoin.toCompletableFuture().get(10, TimeUnit.SECONDS).role()).isEqualTo(RoomRole.PATIENT);
        stuckLeave.get(10, TimeUnit.SECONDS);
    }

    private static RoomPlan plan(UUID session) {
        Instant start = RoomFixture.START;
        return new RoomPlan(session, start, RoomFixture.END, Set.of("f1"), Set.of("p1", "p2"), false);
    }
}
