package care.mend.security.ticket;

import care.mend.security.CurrentUser;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Issues and redeems signaling tickets, in memory.
 *
 * <p>Invariants: a ticket is redeemed at most once, because redemption is a single atomic
 * {@link ConcurrentHashMap#remove(Object)} (of many threads presenting one ticket, exactly one gets the
 * identity); a ticket past its expiry is refused even if unused; expired tickets are purged as new ones are issued,
 * so abandoned tickets do not accumulate. Tickets do not survive a restart and are not shared between servers:
 * the client asks the server it connects to (one Mend server per deployment today).
 *
 * <p>Thread-safe. Time comes from the injected {@link Clock}, so expiry is testable without waiting.
 */
public final class TicketStore {

    /** The shortest and longest lifetimes a deployment may configure. */
    public static final Duration MIN_TTL = Duration.ofSeconds(5);
    public static final Duration MAX_TTL = Duration.ofSeconds(300);

    private static final int TICKET_BYTES = 32;
    /** 32 bytes as unpadded base64url are exactly 43 characters of this alphabet. */
    private static final Pattern TICKET_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Duration PURGE_INTERVAL = Duration.ofSeconds(1);

    private record Entry(CurrentUser holder, Instant expiresAt) {
    }

    private final Map<String, Entry> tickets = new ConcurrentHashMap<>();
    private final AtomicLong lastPurgeMillis = new AtomicLong(Long.MIN_VALUE);
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random;

    /**
     * @throws IllegalArgumentException if {@code ttl} is outside {@link #MIN_TTL}..{@link #MAX_TTL}
     */
    public TicketStore(Clock clock, Duration ttl, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("A signaling ticket lives between " + MIN_TTL.toSeconds() + " and "
                    + MAX_TTL.toSeconds() + " seconds, not " + ttl.toSeconds());
        }
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A new ticket bound to {@code holder} (subject and roles), redeemable once until it expires. */
    public IssuedTicket issue(CurrentUser holder) {
        Objects.requireNonNull(holder, "holder");
        Instant now = clock.instant();
        purgeExpired(now);
        Instant expiresAt = now.plus(ttl);
        Entry entry = new Entry(holder, expiresAt);
        String value;
        do {
            value = newValue();
            // A collision of 256 random bits does not happen; if it did, the loop keeps tickets distinct.
        } while (tickets.putIfAbsent(value, entry) != null);
        return new IssuedTicket(value, expiresAt);
    }

    /**
     * The identity the ticket was issued to, if the ticket is known, unused and unexpired; the ticket is used up
     * either way. Anything else (null, malformed, unknown, expired, already redeemed) is empty, and the caller
     * cannot tell which: the answer to every bad ticket is the same.
     */
    public Optional<CurrentUser> redeem(String value) {
        if (value == null || !TICKET_SHAPE.matcher(value).matches()) {
            return Optional.empty();
        }
        Entry entry = tickets.remove(value);
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.holder());
    }

    /** Tickets issued and neither redeemed nor purged yet (expired ones included until the next purge). */
    public int outstanding() {
        return tickets.size();
    }

    /** Drops expired tickets now (also done, at most once a second, whenever a ticket is issued). */
    public void purgeExpired() {
        Instant now = clock.instant();
        tickets.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        lastPurgeMillis.set(now.toEpochMilli());
    }

    private void purgeExpired(Instant now) {
        long last = lastPurgeMillis.get();
        long nowMillis = now.toEpochMilli();
        if (last != Long.MIN_VALUE && nowMillis - last < PURGE_INTERVAL.toMillis()) {
            return;
        }
        if (lastPurgeMillis.compareAndSet(last, nowMillis)) {
            tickets.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        }
    }

    private String newValue() {
        byte[] bytes = new byte[TICKET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
