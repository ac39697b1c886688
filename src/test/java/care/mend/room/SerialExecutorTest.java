package care.mend.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void tasksNeverOverlapAndEachSubmittersOrderIsKept() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(8);
        SerialExecutor serial = new SerialExecutor(pool);
        AtomicBoolean inside = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        int[] unsafeCounter = {0};
        List<List<Integer>> seen = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            seen.add(new ArrayList<>());
        }
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            submitters.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 2_000; i++) {
                    int n = i;
                    serial.execute(() -> {
                        if (!inside.compareAndSet(false, true)) {
                            overlaps.incrementAndGet();
                        }
                        unsafeCounter[0]++;
                        seen.get(thread).add(n);
                        inside.set(false);
                    });
                }
            });
        }
        start.countDown();
        submitters.shutdown();
        assertThat(submitters.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.awaitQuiescence(30, TimeUnit.SECONDS)).isTrue();

        assertThat(overlaps).hasValue(0);
        assertThat(unsafeCounter[0]).isEqualTo(16_000);
        for (List<Integer> one : seen) {
            assertThat(one).isSorted().hasSize(2_000);
        }
        pool.shutdown();
    }

    @Test
    void aFailingTaskDoesNotStopTheQueue() {
        List<Runnable> queued = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(queued::add);
        List<String> ran = new ArrayList<>();
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(() -> ran.add("second"));
        assertThat(ran).isEmpty();
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
        assertThat(ran).containsExactly("second");
    }
}
