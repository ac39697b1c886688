package care.mend.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
}
