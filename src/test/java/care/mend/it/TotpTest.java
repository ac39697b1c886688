package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The test helper's codes are RFC 6238's: its own test vectors for SHA-1. */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesMatchTheRfc6238TestVectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)), 8, "HmacSHA1")).isEqualTo("94287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)), 8, "HmacSHA1"))
                .isEqualTo("07081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)), 8, "HmacSHA1"))
                .isEqualTo("69279037");
        // Six digits are the last six of the same number.
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)), 6, "HmacSHA1")).isEqualTo("287082");
    }

    @Test
    void base32RoundTripsAndMatchesTheRealmsSecrets() {
        assertThat(Totp.base32("12345678901234567890")).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.decodeBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(RFC_SECRET);
        assertThat(Totp.demoSecret("facilitator")).isEqualTo("NVSW4ZBNMRSW23ZNORXXI4BNMZQWG2LMNF2GC5DPOI");
        assertThat(Totp.code(Totp.demoSecret("facilitator"), 1)).hasSize(6).containsOnlyDigits();
        assertThat(Totp.demoSecret("patient1")).isNull();
    }
}
