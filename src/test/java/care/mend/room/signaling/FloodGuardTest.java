package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FloodGuardTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final FloodGuard guard = new FloodGuard(20, 40, nanos::get);

    @Test
    void aBurstPassesThenEveryExtraIsRefusedUntilTheFloodCloses() {
        for (int i = 0; i < 40; i++) {
            assertThat(guard.admit()).isEqualTo(FloodGuard.Verdict.ACCEPT);
        }
        assertThat(guard.admit()).isEqualTo(FloodGuard.Verdict.REFUSE);
        for (int i = 0; i < FloodGuard.DROPS_BEFORE_CLOSE; i++) {
            assertThat(guard.admit()).isEqualTo(FloodGuard.Verdict.REFUSE);
        }
        assertThat(guard.admit()).isEqualTo(FloodGuard.Verdict.CLOSE);
    }

    @Test
    void theBucketRefillsAtTheRateAndAnAcceptedMessageEndsTheRun() {
        for (int i = 0; i < 40; i++) {
            guard.admit();
        }
        assertThat(guard.admit()).isEqualTo(FloodGuard.Verdict.REFUSE);
        nanos.addAndGet(50_000_000); // 50 ms at 20/s: one token
        assertThat(guard.admit()).isEqualTo(FloodGuard.Verdict.ACCEPT);
        assertThat(guard.admit()).isEqualTo(FloodGuard.Verdict.REFUSE);
    }

    @Test
    void aSteadyClientAtTheRateIsNeverLimited() {
        for (int i = 0; i < 1_000; i++) {
            nanos.addAndGet(50_000_000);
            assertThat(guard.admit()).isEqualTo(FloodGuard.Verdict.ACCEPT);
        }
    }
}
