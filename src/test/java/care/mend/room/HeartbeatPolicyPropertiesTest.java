package care.mend.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class HeartbeatPolicyPropertiesTest {

    /**
     * A transport that wakes at {@code nextCheckAt()} finds a connection dead no later than 9 s after its last sign
     * of life, and never while signs of life keep coming within 9 s.
     */
    @Property(tries = 300)
    void aSilentConnectionIsFoundWithinNineSeconds(
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 8) Integer> gapsBetweenPongs,
            @ForAll @IntRange(min = 0, max = 9) int lastPongAfter) {
        ManualClock c = new ManualClock(Instant.parse("2026-03-02T15:00:00Z"));
        HeartbeatPolicy.Tracker t = HeartbeatPolicy.standard(c).track();
        Instant lastSignOfLife = c.instant();
        for (int gap : gapsBetweenPongs) {
            Instant pongAt = lastSignOfLife.plusSeconds(gap);
            while (!t.nextCheckAt().isAfter(pongAt)) {
                c.set(t.nextCheckAt());
                assertThat(t.check()).isNotEqualTo(HeartbeatPolicy.Verdict.DEAD);
            }
            c.set(pongAt);
            t.signOfLife();
            lastSignOfLife = pongAt;
        }
        // then silence
        while (true) {
            c.set(t.nextCheckAt());
            if (t.check() == HeartbeatPolicy.Verdict.DEAD) {
                break;
            }
        }
        assertThat(Duration.between(lastSignOfLife, c.instant())).isEqualTo(HeartbeatPolicy.DEFAULT_DEAD_AFTER).isEqualTo(Duration.ofSeconds(9));
    }

    /**
     * Pauses of the server (a GC, a timer behind under load) are not the client's silence: a client that answers every
     * ping within a second is never found dead, whatever pauses of up to 15 s the server takes (each followed by at
     * least 3 s of running), even when the timer runs before the socket's pongs are read after a pause.
     */
    @Property(tries = 300)
    void aServerThatWasHeldUpDoesNotTakeItForTheClientsSilence(@ForAll("pauses") List<Pause> pauses,
            @ForAll @Size(min = 50, max = 50) List<@IntRange(min = 0, max = 1000) Integer> roundTrips,
            @ForAll @IntRange(min = 0, max = 1000) int readLagAfterPause) {
        Run run = new Run(pauses, roundTrips, readLagAfterPause, Long.MAX_VALUE);
        run.until(run.afterPauses() + 30_000);
        assertThat(run.deadAt).as("found dead at %s ms", run.deadAt).isNull();
    }

    /**
     * A client that falls silent is still found: {@code deadAfter} after its last sign of life when the server runs on
     * time, later by the time the server was held up, and never more than {@code 3 × deadAfter} after it.
     */
    @Property(tries = 300)
    void aSilentClientIsFoundEvenWhenTheServerPauses(@ForAll("pauses") List<Pause> pauses,
            @ForAll @Size(min = 50, max = 50) List<@IntRange(min = 0, max = 1000) Integer> roundTrips,
            @ForAll @IntRange(min = 0, max = 1000) int readLagAfterPause,
            @ForAll @IntRange(min = 0, max = 60_000) int silentFrom) {
        Run run = new Run(pauses, roundTrips, readLagAfterPause, silentFrom);
        run.until(run.afterPauses() + silentFrom + 60_000);
        assertThat(run.deadAt).isNotNull();
        long silence = run.deadAt - run.lastSignOfLife;
        assertThat(silence).isBetween(9_000L, 27_000L);
        if (pauses.stream().allMatch(p -> p.length == 0)) {
            assertThat(silence).isEqualTo(9_000L);
        }
    }

    @Provide
    Arbitrary<List<Pause>> pauses() {
        return Combinators.combine(Arbitraries.integers().between(3_000, 30_000),
                Arbitraries.integers().between(0, 15_000)).as(Pause::new).list().ofMaxSize(6);
    }

    /** The server runs {@code runningBefore} ms, then stops for {@code length} ms. */
    record Pause(int runningBefore, int length) {
    }

    /**
     * One connection's heartbeat, simulated in milliseconds: the transport's timer wakes at {@code nextCheckAt()} or,
     * when that falls in a pause, at the pause's end; the client answers each ping after its round trip, until
     * {@code silentFrom}; a pong that arrives during a pause is read {@code readLagAfterPause} after it ends (after
     * the timer, the worst order).
     */
    static final class Run {
        private final Instant start = Instant.parse("2026-03-02T15:00:00Z");
        private final ManualClock clock = new ManualClock(start);
        private final HeartbeatPolicy.Tracker tracker = HeartbeatPolicy.standard(clock).track();
        private final List<long[]> pauses = new ArrayList<>();
        private final List<Integer> roundTrips;
        private final int readLag;
        private final long silentFrom;
        /** Events: {time, kind (0 check, 1 pong read), order}. Checks before pongs at the same time. */
        private final PriorityQueue<long[]> events = new PriorityQueue<>((a, b) -> a[0] != b[0]
                ? Long.compare(a[0], b[0]) : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        private long order;
        private int pings;
        Long deadAt;
        long lastSignOfLife;

        Run(List<Pause> pauseList, List<Integer> roundTrips, int readLag, long silentFrom) {
            long t = 0;
            for (Pause p : pauseList) {
                t += p.runningBefore;
                pauses.add(new long[] {t, t + p.length});
                t += p.length;
            }
            this.roundTrips = roundTrips;
            this.readLag = readLag;
            this.silentFrom = silentFrom == Long.MAX_VALUE ? Long.MAX_VALUE : t + silentFrom;
            schedule(0, millis(tracker.nextCheckAt()));
        }

        long afterPauses() {
            return pauses.isEmpty() ? 0 : pauses.get(pauses.size() - 1)[1];
        }

        void until(long end) {
            while (!events.isEmpty() && deadAt == null && events.peek()[0] <= end) {
                long[] e = events.poll();
                clock.set(start.plusMillis(e[0]));
                if (e[1] == 1) {
                    tracker.signOfLife();
                    lastSignOfLife = Math.max(lastSignOfLife, e[0]);
                    continue;
                }
                switch (tracker.check()) {
                    case DEAD -> deadAt = e[0];
                    case PING -> {
                        long arrives = e[0] + roundTrips.get(pings++ % roundTrips.size());
                        if (arrives < silentFrom) {
                            long resumed = resumeOf(arrives);
                            schedule(1, resumed == arrives ? arrives : resumed + readLag);
                        }
                        schedule(0, millis(tracker.nextCheckAt()));
                    }
                    case WAIT -> schedule(0, millis(tracker.nextCheckAt()));
                }
            }
        }

        private void schedule(int kind, long at) {
            events.add(new long[] {kind == 0 ? resumeOf(at) : at, kind, order++});
        }

        /** When the server runs again at or after {@code t}. */
        private long resumeOf(long t) {
            for (long[] p : pauses) {
                if (t >= p[0] && t < p[1]) {
                    return p[1];
                }
            }
            return t;
        }

        private long millis(Instant at) {
            return Duration.between(start, at).toMillis();
        }
    }
}
