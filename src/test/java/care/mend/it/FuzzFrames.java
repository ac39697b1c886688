package care.mend.it;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Frames for the signaling fuzzer, made from {@code src/docs/signaling-protocol.md}: every client message type with
 * members drawn from the valid, the forged and the absurd, and frames that are not messages at all. Seeded, so a run
 * can be repeated. Each frame knows the {@code requestId} its reply must echo, when it has one the server can read.
 */
final class FuzzFrames {

    /** Binary frames made, over all generators. */
    static final AtomicInteger BINARY = new AtomicInteger();

    /** @param requestId what the reply must echo; null when the frame has none a parser could find */
    record Frame(String kind, String text, String requestId, boolean binary) {
    }

    private static final List<String> TYPES = List.of("join", "resume", "leave", "admit", "decline", "remove",
            "askToMute", "muteAll", "lock", "unlock", "endSession", "mute", "unmute", "raiseHand", "lowerHand",
            "setAudioOnly", "setLowBandwidth", "publish", "subscribe", "subscribeGrid", "iceCandidate", "iceCandidates");
    private static final List<String> ODD_TEXT = List.of("", " ", "\\u0000", "\\ud800", "\\udfff", "a\\u0000b",
            "\\u202eevil", "\\ud83d\\ude00", "null", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd",
            "\\u2028", "%00", "\\\\", "\\\"");

    private final Random random;
    private final String sessionId;
    private final List<String> participants;
    private int n;

    FuzzFrames(Random random, String sessionId, List<String> participants) {
        this.random = random;
        this.sessionId = sessionId;
        this.participants = participants;
    }

    Frame next() {
        String id = "z" + n++;
        int pick = random.nextInt(100);
        if (pick < 35) {
            return new Frame("command", command(id, random.nextInt(TYPES.size()), null), id, false);
        }
        if (pick < 55) {
            String type = TYPES.get(random.nextInt(TYPES.size()));
            return new Frame("type confusion", command(id, TYPES.indexOf(type), this::anyValue), id, false);
        }
        if (pick < 67) {
            return new Frame("malformed", malformed(id), null, false);
        }
        if (pick < 73) {
            return new Frame("depth", deep(id), null, false);
        }
        if (pick < 79) {
            return new Frame("numbers", numbers(id), id, false);
        }
        if (pick < 85) {
            return new Frame("size", large(id), null, false);
        }
        if (pick < 91) {
            return new Frame("unicode", unicode(id), null, false);
        }
        if (pick < 95) {
            BINARY.incrementAndGet();
            return new Frame("binary", command(id, random.nextInt(TYPES.size()), null), null, true);
        }
        return new Frame("unknown type", "{\"type\":\"%s\",\"requestId\":\"%s\"}".formatted(
                List.of("Join", "JOIN", "admin", "shutdown", "__proto__", "constructor", "ping").get(random.nextInt(7)), id),
                id, false);
    }

    /** A client message of the type, its members valid, forged or (through {@code value}) anything at all. */
    private String command(String id, int type, Supplier<String> value) {
        String t = TYPES.get(type);
        StringBuilder b = new StringBuilder("{\"type\":\"").append(t).append("\",\"requestId\":\"").append(id).append('"');
        Supplier<String> v = value == null ? () -> null : value;
        switch (t) {
            case "join" -> {
                member(b, "sessionId", v, () -> str(oneOf(sessionId, sessionId, UUID.randomUUID().toString(), "x")));
                if (random.nextBoolean()) {
                    member(b, "attestedLocation", v, () -> str(oneOf("home", "", "a".repeat(201), "car\\u0000")));
                }
            }
            case "resume" -> {
                member(b, "sessionId", v, () -> str(sessionId));
                member(b, "resumeToken", v, () -> str(oneOf("T3Jr0m0Vb3cF4nUe8nJQ1yq6pWm3P7oTQ9d2s0hZk1A", "", "x".repeat(500))));
            }
            case "admit", "decline", "askToMute", "mute", "unmute" -> member(b, "participantId", v, this::someone);
            case "remove" -> {
                member(b, "participantId", v, this::someone);
                member(b, "bar", v, () -> random.nextBoolean() ? "true" : "false");
            }
            case "lowerHand" -> {
                if (random.nextBoolean()) {
                    member(b, "participantId", v, this::someone);
                }
            }
            case "setAudioOnly", "setLowBandwidth" -> member(b, "enabled", v, () -> random.nextBoolean() ? "true" : "false");
            case "publish" -> {
                member(b, "sdpOffer", v, () -> str(oneOf("v=0\\r\\n", "", "garbage", "v=0\\r\\no=- 1 2 IN IP4 192.0.2.1\\r\\n")));
                if (random.nextBoolean()) {
                    member(b, "audioOnly", v, () -> "true");
                }
            }
            case "subscribe" -> {
                member(b, "publisherId", v, this::someone);
                member(b, "sdpOffer", v, () -> str("v=0\\r\\n"));
            }
            case "subscribeGrid" -> member(b, "sdpOffer", v, () -> str("v=0\\r\\n"));
            case "iceCandidate" -> {
                member(b, "endpoint", v, this::endpoint);
                member(b, "candidate", v, () -> str("candidate:1 1 udp 1 192.0.2.1 " + random.nextInt(65536) + " typ host"));
                member(b, "sdpMid", v, () -> str(oneOf("0", "1", "audio", "x".repeat(33))));
                member(b, "sdpMLineIndex", v, () -> Integer.toString(random.nextInt(70) - 3));
            }
            case "iceCandidates" -> {
                member(b, "endpoint", v, this::endpoint);
                member(b, "candidates", v, () -> {
                    StringBuilder a = new StringBuilder("[");
                    int count = random.nextInt(40);
                    for (int i = 0; i < count; i++) {
                        a.append(i == 0 ? "" : ",").append("{\"candidate\":\"candidate:").append(i)
                                .append(" 1 udp 1 192.0.2.1 9 typ host\",\"sdpMLineIndex\":0}");
                    }
                    return a.append(']').toString();
                });
            }
            default -> { }
        }
        return b.append('}').toString();
    }

    /** Appends the member: from {@code override} if it gives something (the confusion), else its usual value. */
    private void member(StringBuilder b, String name, Supplier<String> override, Supplier<String> usual) {
        if (random.nextInt(12) == 0) {
            return; // missing
        }
        String forced = random.nextInt(3) == 0 ? override.get() : null;
        b.append(",\"").append(name).append("\":").append(forced != null ? forced : usual.get());
    }

    private String someone() {
        int pick = random.nextInt(10);
        if (pick < 6 && !participants.isEmpty()) {
            return str(participants.get(random.nextInt(participants.size())));
        }
        return str(pick < 8 ? UUID.randomUUID().toString() : oneOf("", "null", "../admin", "x".repeat(300)));
    }

    private String endpoint() {
        return switch (random.nextInt(5)) {
            case 0 -> "{\"kind\":\"publisher\"}";
            case 1 -> "{\"kind\":\"grid\"}";
            case 2 -> "{\"kind\":\"subscriber\",\"publisherId\":" + someone() + "}";
            case 3 -> "{\"kind\":\"subscriber\",\"publisherId\":\"" + "p".repeat(random.nextInt(2000)) + "\"}";
            default -> "{\"kind\":" + str(oneOf("Publisher", "", "speaker", "x".repeat(100))) + "}";
        };
    }

    /** Any JSON value, of any type. */
    private String anyValue() {
        return switch (random.nextInt(11)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> "0";
            case 3 -> "-1";
            case 4 -> "1e308";
            case 5 -> "3.5";
            case 6 -> "[]";
            case 7 -> "{}";
            case 8 -> "[1,\"a\",null]";
            case 9 -> "{\"kind\":{\"kind\":[]}}";
            default -> str(ODD_TEXT.get(random.nextInt(ODD_TEXT.size())));
        };
    }

    private String malformed(String id) {
        String whole = command(id, random.nextInt(TYPES.size()), null);
        return switch (random.nextInt(12)) {
            case 0 -> whole.substring(0, random.nextInt(whole.length()));
            case 1 -> whole + "}";
            case 2 -> whole + " trailing";
            case 3 -> whole.replace("\"type\"", "'type'");
            case 4 -> "{\"type\":\"raiseHand\",\"type\":\"lock\",\"requestId\":\"" + id + "\"}";
            case 5 -> oneOf("null", "[]", "\"raiseHand\"", "42", "true", "{}", "", " ", "{\"type\":1}", "{\"type\":null}");
            case 6 -> "{\"type\":\"raiseHand\",\"requestId\":\"" + id + "\\x\"}";
            case 7 -> "{\"type\":\"raiseHand\",\"requestId\":\"" + id + "\\u12\"}";
            case 8 -> "\uFEFF" + whole;
            case 9 -> "{\"type\":\"raiseHand\" \"requestId\":\"" + id + "\"}";
            case 10 -> "{\"type\":\"raiseHand\",\"requestId\":\"" + id + "\",}";
            default -> randomText(random.nextInt(200));
        };
    }

    private String deep(String id) {
        int depth = oneOf(100, 1000, 5000, 20000);
        boolean objects = random.nextBoolean();
        StringBuilder b = new StringBuilder("{\"type\":\"raiseHand\",\"requestId\":\"").append(id).append("\",\"x\":");
        for (int i = 0; i < depth; i++) {
            b.append(objects ? "{\"a\":" : "[");
        }
        b.append("1");
        for (int i = 0; i < depth; i++) {
            b.append(objects ? "}" : "]");
        }
        return b.append('}').toString();
    }

    private String numbers(String id) {
        String number = oneOf("1e308", "1e309", "-1e309", "99999999999999999999999999", "-0", "-0.0", "1e-400",
                "0.1e1", "1E2", "2147483648", "-2147483649", "9007199254740993", "1" + "0".repeat(400));
        return oneOf("{\"type\":\"iceCandidate\",\"requestId\":\"%1$s\",\"endpoint\":{\"kind\":\"publisher\"},"
                + "\"candidate\":\"candidate:1 1 udp 1 192.0.2.1 9 typ host\",\"sdpMLineIndex\":%2$s}",
                "{\"type\":\"setAudioOnly\",\"requestId\":\"%1$s\",\"enabled\":%2$s}",
                "{\"type\":\"raiseHand\",\"requestId\":\"%1$s\",\"extra\":%2$s}").formatted(id, number);
    }

    private String large(String id) {
        int size = oneOf(2_000, 20_000, 64_000, 66_000, 120_000, 200_000);
        String filler = "a".repeat(size);
        return oneOf("{\"type\":\"raiseHand\",\"requestId\":\"%1$s\",\"pad\":\"%2$s\"}",
                "{\"type\":\"join\",\"requestId\":\"%1$s\",\"sessionId\":\"%2$s\"}",
                "{\"type\":\"iceCandidate\",\"requestId\":\"%1$s\",\"endpoint\":{\"kind\":\"subscriber\",\"publisherId\":\"%2$s\"},"
                        + "\"candidate\":\"c\",\"sdpMLineIndex\":0}",
                "{\"type\":\"join\",\"requestId\":\"%1$s\",\"sessionId\":\"" + sessionId + "\",\"attestedLocation\":\"%2$s\"}")
                .formatted(id, filler);
    }

    private String unicode(String id) {
        String odd = ODD_TEXT.get(random.nextInt(ODD_TEXT.size()));
        return oneOf("{\"type\":\"join\",\"requestId\":\"%1$s\",\"sessionId\":\"" + sessionId + "\",\"attestedLocation\":\"%2$s\"}",
                "{\"type\":\"raiseHand\",\"requestId\":\"%1$s%2$s\"}",
                "{\"type\":\"raise%2$sHand\",\"requestId\":\"%1$s\"}",
                "{\"type\":\"mute\",\"requestId\":\"%1$s\",\"participantId\":\"%2$s\"}",
                "{\"type\":\"raiseHand\",\"requestId\":\"%1$s\",\"%2$s\":1}").formatted(id, odd);
    }

    private String randomText(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append((char) (random.nextInt(0x2FFF) + 1));
        }
        return b.toString();
    }

    private static String str(String s) {
        return "\"" + s + "\"";
    }

    @SafeVarargs
    private <T> T oneOf(T... options) {
        return options[random.nextInt(options.length)];
    }
}
