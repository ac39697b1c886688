package care.mend.room;

import static care.mend.room.RoomFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.FakeMediaServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Many threads at once, on a real pool. Includes the Kurento group-call tutorial's check-then-act race, which made
 * two pipelines for one room when two people joined at the same moment.
 */
class RoomConcurrencyTest {

    private final ForkJoinPool pool = new ForkJoinPool(8);
    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        pool.shutdownNow();
    }

    /** Starts every call at the same moment from its own thread; returns their stages. */
    private <T> List<CompletableFuture<T>> atOnce(List<Supplier<CompletionStage<T>>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<CompletableFuture<T>>> submitted = new ArrayList<>();
        for (Supplier<CompletionStage<T>> call : calls) {
            submitted.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return call.get().toCompletableFuture();
            }, callers));
        }
        start.countDown();
        List<CompletableFuture<T>> stages = new ArrayList<>();
        for (CompletableFuture<CompletableFuture<T>> s : submitted) {
            stages.add(s.get(10, TimeUnit.SECONDS));
        }
        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).handle((v, e) -> null)
                .get(10, TimeUnit.SECONDS);
        assertThat(pool.awaitQuiescence(10, TimeUnit.SECONDS)).isTrue();
        return stages;
    }

    @RepeatedTest(20)
    void simultaneousJoinsMakeOneRoomOneMediaRoomAndSeatExactlyTwelve() throws Exception {
        RoomFixture fx = new RoomFixture(new FakeMediaServer(), pool, RoomConfig.DEFAULTS).autoAdmit();
        List<Supplier<CompletionStage<RoomEntry>>> joins = new ArrayList<>();
        joins.add(() -> fx.registry.join(fx.plan(), "f1"));
        joins.add(() -> fx.registry.join(fx.plan(), "f2"));
        for (int i = 1; i <= 14; i++) {
            String subject = "p" + i;
            joins.add(() -> fx.registry.join(fx.plan(), subject));
        }

        List<CompletableFuture<RoomEntry>> entries = atOnce(joins);

        // Patients who arrive once twelve are seated are refused; those who came earlier may still be waiting.
        List<CompletableFuture<RoomEntry>> refused = entries.stream()
                .filter(CompletableFuture::isCompletedExceptionally).toList();
        assertThat(refused).allSatisfy(r -> assertThat(RoomException.of(r.handle((v, e) -> e).join()))
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(RoomErrorCode.ROOM_FULL)));
        assertThat(entries.subList(0, 2)).noneMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(fx.registry.size()).isOne();
        assertThat(fx.media.roomsCreated()).isOne();
        ParticipantId f1 = entries.get(0).join().participantId();
        RoomSnapshot s = done(fx.room().snapshot(f1));
        assertThat(s.participants()).filteredOn(v -> v.role() == RoomRole.PATIENT).hasSize(12);
        assertThat(s.participants()).filteredOn(v -> v.role() == RoomRole.FACILITATOR).hasSize(2);
        assertThat(s.waiting().size() + refused.size()).isEqualTo(2);
        assertThat(fx.recorder.presence()).filteredOn(e -> e.kind() == PresenceKind.ADMITTED).hasSize(14);
        assertThat(fx.recorder.lifecycle()).containsExactly("live " + fx.sessionId);
    }

    @RepeatedTest(20)
    void concurrentAdmissionsNeverSeatAThirteenthPatient() throws Exception {
        RoomFixture fx = new RoomFixture(new FakeMediaServer(), pool, RoomConfig.DEFAULTS);
        ParticipantId f1 = done(fx.registry.join(fx.plan(), "f1")).participantId();
        ParticipantId f2 = done(fx.registry.join(fx.plan(), "f2")).participantId();
        List<ParticipantId> waiting = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            waiting.add(done(fx.registry.join(fx.plan(), "p" + i)).participantId());
        }
        List<Supplier<CompletionStage<Void>>> admits = new ArrayList<>();
        for (ParticipantId p : waiting) {
            admits.add(() -> fx.room().admit(f1, p));
            admits.add(() -> fx.room().admit(f2, p));
        }

        List<CompletableFuture<Void>> results = atOnce(admits);

        assertThat(results).filteredOn(CompletableFuture::isCompletedExceptionally)
                .allSatisfy(r -> assertThat(RoomException.of(r.handle((v, e) -> e).join()))
                        .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(RoomErrorCode.ROOM_FULL)));
        RoomSnapshot s = done(fx.room().snapshot(f1));
        assertThat(s.participants()).filteredOn(v -> v.role() == RoomRole.PATIENT).hasSize(12);
        assertThat(s.waiting()).hasSize(2);
    }

    @Test
    void manySessionsOpenedAtOnceEachGetOneRoomAndOneMediaRoom() throws Exception {
        RoomFixture fx = new RoomFixture(new FakeMediaServer(), pool, RoomConfig.DEFAULTS);
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sessions.add(UUID.randomUUID());
        }
        List<Supplier<CompletionStage<RoomEntry>>> joins = new ArrayList<>();
        for (UUID session : sessions) {
            for (String subject : List.of("f1", "f2", "p1", "p2")) {
                joins.add(() -> fx.registry.join(fx.plan(session), subject));
            }
        }

        List<CompletableFuture<RoomEntry>> entries = atOnce(joins);

        assertThat(entries).noneMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(fx.registry.size()).isEqualTo(10);
        assertThat(fx.media.roomsCreated()).isEqualTo(10);
        assertThat(entries).extracting(e -> e.join().participantId()).doesNotHaveDuplicates();
    }

    @RepeatedTest(20)
    void joinsRacingTheEndNeverResurrectTheRoomOrLeakMedia() throws Exception {
        RoomFixture fx = new RoomFixture(new FakeMediaServer(), pool, RoomConfig.DEFAULTS).autoAdmit();
        ParticipantId f1 = done(fx.registry.join(fx.plan(), "f1")).participantId();
        List<Supplier<CompletionStage<Object>>> calls = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            String subject = "p" + i;
            calls.add(() -> fx.registry.join(fx.plan(), subject).thenApply(e -> e));
        }
        calls.add(7, () -> fx.registry.inRoom(fx.sessionId, r -> r.end(f1)).thenApply(v -> "ended"));

        List<CompletableFuture<Object>> results = atOnce(calls);

        assertThat(results.get(7)).isCompletedWithValue("ended");
        assertThat(fx.registry.size()).isZero();
        assertThat(fx.media.roomsCreated()).isOne();
        assertThat(fx.media.liveObjects()).isZero();
        assertThat(fx.recorder.lifecycle()).containsExactly("live " + fx.sessionId, "ended " + fx.sessionId);
        results.stream().filter(CompletableFuture::isCompletedExceptionally).forEach(r -> assertThat(
                RoomException.of(r.handle((v, e) -> e).join()).orElseThrow().code())
                .isIn(RoomErrorCode.SESSION_ENDED, RoomErrorCode.ROOM_FULL));
    }

    @Test
    void aCommandNeverRunsOnTheCallersThread() {
        List<Runnable> queued = new ArrayList<>();
        RoomFixture fx = new RoomFixture(new FakeMediaServer(), queued::add, RoomConfig.DEFAULTS);

        CompletionStage<RoomEntry> joining = fx.registry.join(fx.plan(), "f1");

        assertThat(joining.toCompletableFuture()).isNotDone();
        assertThat(fx.recorder.deliveries()).isEmpty();
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
        assertThat(joining.toCompletableFuture()).isCompleted();
    }
}
