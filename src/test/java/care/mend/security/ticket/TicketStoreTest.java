package care.mend.security.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.security.CurrentUser;
import care.mend.security.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TicketStoreTest {

    private static final CurrentUser FACILITATOR = new CurrentUser("sub-facilitator", Set.of(Role.FACILITATOR), "");
    private static final CurrentUser PATIENT = new CurrentUser("sub-patient", Set.of(Role.PATIENT), "");

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T18:00:00Z"));
    private final TicketStore store = new TicketStore(clock, Duration.ofSeconds(30), new SecureRandom());

    @Test
    void aTicketIsOpaque256BitBase64UrlAndExpiresAfterTheTtl() {
        IssuedTicket ticket = store.issue(FACILITATOR);

        assertThat(ticket.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(ticket.value()).doesNotContain("sub-facilitator");
        assertThat(ticket.expiresAt()).isEqualTo(Instant.parse("2026-11-23T18:00:30Z"));
        assertThat(ticket.toString()).doesNotContain(ticket.value());
    }

    @Test
    void ticketsAreDistinct() {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            values.add(store.issue(FACILITATOR).value());
        }
        assertThat(values).hasSize(1000);
    }

    @Test
    void aTicketRedeemsOnceToTheIdentityItWasIssuedTo() {
        IssuedTicket forFacilitator = store.issue(FACILITATOR);
        IssuedTicket forPatient = store.issue(PATIENT);

        assertThat(store.redeem(forPatient.value())).contains(PATIENT);
        assertThat(store.redeem(forFacilitator.value())).contains(FACILITATOR);
        assertThat(store.redeem(forFacilitator.value())).isEmpty();
        assertThat(store.outstanding()).isZero();
    }

    @Test
    void anExpiredTicketIsRefusedAndUsedUp() {
        IssuedTicket justInTime = store.issue(FACILITATOR);
        IssuedTicket late = store.issue(FACILITATOR);

        clock.advance(Duration.ofSeconds(29).plusMillis(999));
        assertThat(store.redeem(justInTime.value())).contains(FACILITATOR);
        clock.advance(Duration.ofMillis(1));
        assertThat(store.redeem(late.value())).isEmpty();
        assertThat(store.outstanding()).isZero();
    }

    @Test
    void unknownMalformedAndMissingTicketsAreRefused() {
        store.issue(FACILITATOR);

        assertThat(store.redeem(null)).isEmpty();
        assertThat(store.redeem("")).isEmpty();
        assertThat(store.redeem("not-a-ticket")).isEmpty();
        assertThat(store.redeem("A".repeat(43))).isEmpty();
        assertThat(store.redeem("A".repeat(100_000))).isEmpty();
        assertThat(store.outstanding()).isEqualTo(1);
    }

    @Test
    void expiredTicketsArePurgedWhenNewOnesAreIssued() {
        for (int i = 0; i < 50; i++) {
            store.issue(FACILITATOR);
        }
        clock.advance(Duration.ofSeconds(31));

        store.issue(PATIENT);

        assertThat(store.outstanding()).isEqualTo(1);
    }

    @Test
    void manyThreadsRedeemingOneTicketGiveExactlyOneWinner() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 50; round++) {
                String ticket = store.issue(FACILITATOR).value();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<CurrentUser>>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.redeem(ticket);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Optional<CurrentUser>> result : results) {
                    if (result.get(10, TimeUnit.SECONDS).isPresent()) {
                        winners++;
                    }
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTtlIsBetweenFiveSecondsAndFiveMinutes() {
        SecureRandom random = new SecureRandom();
        assertThat(new TicketStore(clock, Duration.ofSeconds(5), random).ttl()).hasSeconds(5);
        assertThat(new TicketStore(clock, Duration.ofSeconds(300), random).ttl()).hasSeconds(300);
        assertThatThrownBy(() -> new TicketStore(clock, Duration.ofSeconds(4), random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketStore(clock, Duration.ofSeconds(301), random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketStore(clock, Duration.ofSeconds(-30), random))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
