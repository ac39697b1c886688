package care.mend.it;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time codes for the demo staff's synthetic authenticators (RFC 6238 TOTP: HMAC-SHA1, 30-second steps, six
 * digits, as the realm's OTP policy says), so that tests sign staff in through Keycloak's form as a person with an
 * authenticator app would. The secrets are the realm file's, base32 of {@code mend-demo-totp-<username>}: synthetic,
 * published in the README, and useless anywhere but a demo realm.
 */
public final class Totp {

    /** Seconds per code. */
    public static final int PERIOD_SECONDS = 30;

    private static final Map<String, String> DEMO_SECRETS = Map.of(
            "admin", base32("mend-demo-totp-admin"),
            "supervisor", base32("mend-demo-totp-supervisor"),
            "facilitator", base32("mend-demo-totp-facilitator"),
            "facilitator2", base32("mend-demo-totp-facilitator2"));

    private Totp() {
    }

    /** The base32 secret of a demo staff user's authenticator, or null for a user without one (patients). */
    public static String demoSecret(String username) {
        return DEMO_SECRETS.get(username);
    }

    /** The time step an instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The six-digit code of a base32 secret for a time step. */
    public static String code(String base32Secret, long step) {
        return code(decodeBase32(base32Secret), step, 6, "HmacSHA1");
    }

    /** RFC 4226's truncation of the HMAC of the step's eight big-endian bytes. */
    static String code(byte[] key, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32 of a text's UTF-8 bytes, without padding (how authenticator apps take a secret). */
    static String base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] decodeBase32(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = base32.replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
    }
}
