package care.mend.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.media.kurento.OutageLog.Say;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A media server checked every 5 s: the log hears of each change once, and of a long outage every 5 minutes. */
class OutageLogTest {

    private static final Duration PROBE = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong(123_456_789L);
    private final OutageLog log = new OutageLog(Duration.ofMinutes(5), now::get);

    @Test
    void downFromTheStartIsSaidOnceThenEveryFiveMinutesNotAtEveryProbe() {
        List<Say> said = new ArrayList<>();
        // 33 minutes of probes every 5 s with nobody running a media server: 396 failed checks.
        for (int probe = 0; probe < 33 * 12; probe++) {
            said.add(log.failed());
            now.addAndGet(PROBE.toNanos());
        }

        assertThat(said.get(0)).isEqualTo(Say.NEVER_UP);
        assertThat(said.stream().filter(s -> s != Say.NOTHING).toList())
                .containsExactly(Say.NEVER_UP, Say.STILL_DOWN, Say.STILL_DOWN, Say.STILL_DOWN, Say.STILL_DOWN,
                        Say.STILL_DOWN, Say.STILL_DOWN);
        assertThat(said.indexOf(Say.STILL_DOWN)).isEqualTo(60); // 5 minutes of 5 s probes
    }

    @Test
    void goingDownAndComingBackAreSaidOnceEach() {
        assertThat(log.answered()).isEqualTo(Say.UP);
        assertThat(log.answered()).isEqualTo(Say.NOTHING);

        assertThat(log.failed()).isEqualTo(Say.DOWN);
        now.addAndGet(PROBE.toNanos());
        assertThat(log.failed()).isEqualTo(Say.NOTHING);
        now.addAndGet(Duration.ofSeconds(40).toNanos());

        assertThat(log.answered()).isEqualTo(Say.BACK);
        assertThat(log.downFor()).isEqualTo(Duration.ofSeconds(45));
        assertThat(log.answered()).isEqualTo(Say.NOTHING);

        // A second outage starts its own count: down is said again, the reminder is five minutes after it.
        assertThat(log.failed()).isEqualTo(Say.DOWN);
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(log.failed()).isEqualTo(Say.NOTHING);
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(log.failed()).isEqualTo(Say.STILL_DOWN);
        assertThat(log.downFor()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aLateCheckBringsOneReminderNotABurst() {
        log.failed();
        now.addAndGet(Duration.ofMinutes(23).toNanos()); // the probe thread was stuck behind a slow server
        assertThat(log.failed()).isEqualTo(Say.STILL_DOWN);
        assertThat(log.failed()).isEqualTo(Say.NOTHING);
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(log.failed()).isEqualTo(Say.STILL_DOWN);
    }

    @Test
    void nothingHappenedYetIsNoOutage() {
        assertThat(log.downFor()).isZero();
        assertThatThrownBy(() -> new OutageLog(Duration.ZERO, now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
