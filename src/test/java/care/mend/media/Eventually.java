package care.mend.media;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread makes true; the ceiling only stops a broken test from hanging. */
public final class Eventually {

    private Eventually() {
    }

    public static void until(Duration ceiling, BooleanSupplier condition) {
        untilAsserted(ceiling, () -> {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("condition not met");
            }
        });
    }

    /**
     * Checks that a condition stays true for a while, failing as soon as it does not: for what must not happen (a
     * client that goes on reconnecting by itself), which no future or latch can report.
     */
    public static void holdsFor(Duration period, BooleanSupplier condition) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("condition stopped holding");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("condition stopped holding");
        }
    }

    public static void untilAsserted(Duration ceiling, Runnable assertion) {
        long deadline = System.nanoTime() + ceiling.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
