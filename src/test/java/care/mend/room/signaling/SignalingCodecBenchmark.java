package care.mend.room.signaling;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Prints what decoding a client's frame and encoding a room update cost on this machine: the signaling hot path
 * under load (a subscribe carries a 5 KB offer; a hand raise sends twelve room updates). A measuring instrument,
 * not a test. Run it after {@code mvn -o -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test} with {@code java -cp
 * target/test-classes:target/classes:$(cat target/classpath.txt) care.mend.room.signaling.SignalingCodecBenchmark}.
 */
public final class SignalingCodecBenchmark {

    private SignalingCodecBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String offer;
        try (InputStream in = SignalingCodecBenchmark.class
                .getResourceAsStream("/kurento-protocol/sdp/chromium-offer-03-sfu-two-publishers-3.sdp")) {
            offer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String subscribe = Json.createObjectBuilder().add("type", "subscribe").add("requestId", "sub-1")
                .add("publisherId", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").add("sdpOffer", offer).build().toString();
        String raiseHand = "{\"type\":\"raiseHand\",\"requestId\":\"h\"}";
        for (String[] c : new String[][] {{"subscribe (5 KB offer)", subscribe}, {"raiseHand", raiseHand}}) {
            String frame = c[1];
            int rounds = 20_000;
            for (int i = 0; i < rounds; i++) { // warm-up
                SignalingJson.decodeClientMessage(frame);
            }
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                if (!(SignalingJson.decodeClientMessage(frame) instanceof SignalingJson.Decoded.Message)) {
                    throw new IllegalStateException("refused");
                }
            }
            double micros = (System.nanoTime() - start) / 1e3 / rounds;
            System.out.printf(Locale.ROOT, "decode %-24s %8.1f µs%n", c[0], micros);
        }
        String golden;
        try (InputStream in = SignalingCodecBenchmark.class
                .getResourceAsStream("/signaling/golden/server/roomUpdated.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ServerMessage update = SignalingJson.decodeServerMessage(golden);
        int rounds = 20_000;
        for (int i = 0; i < rounds; i++) {
            SignalingJson.encode(update);
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            SignalingJson.encode(update);
        }
        System.out.printf(Locale.ROOT, "encode %-24s %8.1f µs%n", "roomUpdated (golden)",
                (System.nanoTime() - start) / 1e3 / rounds);
    }
}
