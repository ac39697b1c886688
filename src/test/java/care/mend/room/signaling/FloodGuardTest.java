package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FloodGuardTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-02T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void aBurstIsAcceptedThenWarnedThenClosed() {
        ManualClock clock = new ManualClock();
        FloodGuard guard = new FloodGuard(20, 40, clock);

        for (int i = 0; i < 40; i++) {
            assertThat(guard.onMessage()).isEqualTo(FloodGuard.Verdict.ACCEPT);
        }
        assertThat(guard.onMessage()).isEqualTo(FloodGuard.Verdict.WARN);
        assertThat(guard.onMessage()).isEqualTo(FloodGuard.Verdict.CLOSE);
    }

    @Test
    void aClientThatSlowsDownAfterTheWarningIsServedAndWarnedAgainLater() {
        ManualClock clock = new ManualClock();
        FloodGuard guard = new FloodGuard(20, 40, clock);
        for (int i = 0; i < 40; i++) {
            guard.onMessage();
        }
        assertThat(guard.onMessage()).isEqualTo(FloodGuard.Verdict.WARN);

        clock.advance(Duration.ofSeconds(2)); // the bucket refills: 40 tokens
        for (int i = 0; i < 40; i++) {
            assertThat(guard.onMessage()).isEqualTo(FloodGuard.Verdict.ACCEPT);
        }
        assertThat(guard.onMessage()).isEqualTo(FloodGuard.Verdict.WARN);
    }

    @Test
    void aSteadyRateWithinTheLimitIsNeverRefused() {
        ManualClock clock = new ManualClock();
        FloodGuard guard = new FloodGuard(20, 40, clock);

        for (int i = 0; i < 10_000; i++) {
            clock.advance(Duration.ofMillis(50)); // exactly 20 a second
            assertThat(guard.onMessage()).isEqualTo(FloodGuard.Verdict.ACCEPT);
        }
    }
}
