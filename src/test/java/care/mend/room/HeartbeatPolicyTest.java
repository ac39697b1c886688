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
        clock.advance(Duration.ofSeconds(44));
        // pinged at 0; next ping due at 15, deadline at 46
        assertThat(t.check()).isEqualTo(HeartbeatPolicy.Verdict.PING);
        assertThat(t.nextCheckAt()).isEqualTo(Instant.parse("2026-03-02T15:00:46Z"));
    }

    @Test
    void theDeadLimitIsLongerThanTheInterval() {
        assertThatThrownBy(() -> new HeartbeatPolicy(clock, Duration.ofSeconds(15), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
