package care.mend.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeartbeatPolicyTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T15:00:00Z"));
    private final HeartbeatPolicy policy = new HeartbeatPolicy(clock, Duration.ofSeconds(15), Duration.ofSeconds(45));

    @Test
    void pingsEveryFifteenSecondsAndDeclaresDeathAfterFortyFiveSilentSeconds() {
        HeartbeatPolicy.Tracker t = policy.track();
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.WAIT);
        assertThat(t.nextCheckAt()).isEqualTo(clock.instant().plusSeconds(15));

        clock.advance(Duration.ofSeconds(15));
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.PING);
        clock.advance(Duration.ofSeconds(15));
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.PING);
        clock.advance(Duration.ofSeconds(14));
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.WAIT);
        clock.advance(Duration.ofSeconds(1));
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.DEAD);
        assertThat(t.isDead()).isTrue();

        t.signOfLife();
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.DEAD);
    }

    @Test
    void aPongKeepsTheConnectionAlive() {
        HeartbeatPolicy.Tracker t = policy.track();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(15));
            assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.PING);
            clock.advance(Duration.ofSeconds(2));
            t.signOfLife();
        }
        assertThat(t.isDead()).isFalse();
    }

    @Test
    void theNextCheckIsNeverLaterThanTheDeadline() {
        HeartbeatPolicy.Tracker t = policy.track();
        clock.advance(Duration.ofSeconds(1));
        t.signOfLife();
        for (int ping = 1; ping <= 3; ping++) {
            clock.set(t.nextCheckAt());
            assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.PING);
        }
        // pinged at 45; the next ping would be due at 60, the deadline is at 46
        assertThat(t.nextCheckAt()).isEqualTo(Instant.parse("2026-03-02T15:00:46Z"));
    }

    @Test
    void aCheckThatRunsLateAddsItsLatenessToTheDeadline() {
        HeartbeatPolicy.Tracker t = policy.track();
        clock.advance(Duration.ofSeconds(1));
        t.signOfLife();
        clock.advance(Duration.ofSeconds(44)); // due at 15 (the first ping), run at 45: the server was held up 30 s
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.PING);
        assertThat(t.nextCheckAt()).isEqualTo(Instant.parse("2026-03-02T15:01:00Z"));
        clock.set(Instant.parse("2026-03-02T15:01:00Z"));
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.PING);
        clock.set(t.nextCheckAt());
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.PING);
        clock.set(t.nextCheckAt()); // 46 + 30
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T15:01:16Z"));
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.DEAD);
        assertThat(t.lastSignOfLife()).isEqualTo(Instant.parse("2026-03-02T15:00:01Z"));
    }

    @Test
    void whatAHeldUpServerAddsIsBoundedAndEndsWithTheNextSignOfLife() {
        HeartbeatPolicy.Tracker t = policy.track();
        clock.advance(Duration.ofMinutes(10)); // far beyond 2 × 45 s
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.DEAD);

        HeartbeatPolicy.Tracker u = policy.track();
        clock.advance(Duration.ofSeconds(40)); // due at 15: 25 s late
        assertThat(u.check()).isEqualTo(HeartbeatPolicy.Verdict.PING);
        u.signOfLife();
        for (int ping = 1; ping <= 2; ping++) {
            clock.set(u.nextCheckAt());
            assertThat(u.check()).isEqualTo(HeartbeatPolicy.Verdict.PING);
        }
        clock.set(u.nextCheckAt());
        assertThat(u.check()).isEqualTo(HeartbeatPolicy.Verdict.DEAD);
        assertThat(Duration.between(u.lastSignOfLife(), clock.instant())).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void theDeadLimitIsLongerThanTheInterval() {
        assertThatThrownBy(() -> new HeartbeatPolicy(clock, Duration.ofSeconds(15), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
