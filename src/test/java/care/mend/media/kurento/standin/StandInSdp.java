package care.mend.media.kurento.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Derives an SDP answer from a browser's offer the way KMS shapes one: the same m-lines in the same order, each with
 * the offer's payload types, the direction mirrored ({@code sendonly} answers {@code recvonly}), the offer's mid,
 * {@code a=setup:active} against the browser's {@code actpass}, fresh ICE credentials and a fingerprint. Enough for a
 * real {@code RTCPeerConnection.setRemoteDescription} to accept it; no media ever flows from the stand-in.
 */
final class StandInSdp {

    private StandInSdp() {
    }

    /** What the browser offered to send, per kind: what the endpoint will receive. */
    record Offered(boolean sendsAudio, boolean sendsVideo, int mLines) {
    }

    static boolean looksLikeSdp(String sdp) {
        return sdp.startsWith("v=0") && sdp.contains("\nm=");
    }

    static Offered inspect(String offer) {
        boolean audio = false;
        boolean video = false;
        int mLines = 0;
        String kind = null;
        for (String line : offer.split("\r?\n")) {
            if (line.startsWith("m=")) {
                mLines++;
                kind = line.substring(2, line.indexOf(' '));
            } else if (kind != null && (line.equals("a=sendrecv") || line.equals("a=sendonly"))) {
                audio |= kind.equals("audio");
                video |= kind.equals("video");
            }
        }
        return new Offered(audio, video, mLines);
    }

    static String answer(String offer) {
        long sessionVersion = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        StringBuilder out = new StringBuilder();
        out.append("v=0\r\n").append("o=- ").append(sessionVersion).append(' ').append(sessionVersion)
                .append(" IN IP4 0.0.0.0\r\n").append("s=Kurento Media Server\r\n").append("c=IN IP4 0.0.0.0\r\n")
                .append("t=0 0\r\n").append("a=msid-semantic: WMS standin\r\n");
        List<List<String>> sections = new ArrayList<>();
        List<String> mids = new ArrayList<>();
        List<String> current = null;
        for (String line : offer.split("\r?\n")) {
            if (line.startsWith("m=")) {
                current = new ArrayList<>();
                sections.add(current);
            }
            if (current != null) {
                current.add(line);
                if (line.startsWith("a=mid:")) {
                    mids.add(line.substring(6));
                }
            }
        }
        if (!mids.isEmpty()) {
            out.append("a=group:BUNDLE ").append(String.join(" ", mids)).append("\r\n");
        }
        String ufrag = token(4);
        String pwd = token(22);
        for (List<String> section : sections) {
            String[] m = section.get(0).split(" ");
            out.append(m[0]).append(" 1 ").append(m[2]);
            for (int i = 3; i < m.length; i++) {
                out.append(' ').append(m[i]);
            }
            out.append("\r\n");
            for (String line : section) {
                if (line.equals("a=sendrecv") || line.equals("a=inactive")) {
                    out.append(line).append("\r\n");
                } else if (line.equals("a=sendonly")) {
                    out.append("a=recvonly\r\n");
                } else if (line.equals("a=recvonly")) {
                    out.append("a=sendonly\r\n");
                } else if (line.startsWith("a=mid:") || line.startsWith("a=rtpmap:") || line.startsWith("a=fmtp:")
                        || line.startsWith("a=rtcp-fb:") || line.equals("a=rtcp-mux")) {
                    out.append(line).append("\r\n");
                }
            }
            out.append("a=rtcp:9 IN IP4 0.0.0.0\r\n").append("a=setup:active\r\n")
                    .append("a=ice-ufrag:").append(ufrag).append("\r\n")
                    .append("a=ice-pwd:").append(pwd).append("\r\n")
                    .append("a=fingerprint:sha-256 ").append(fingerprint()).append("\r\n");
        }
        return out.toString();
    }

    private static String token(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String fingerprint() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            if (i > 0) {
                s.append(':');
            }
            s.append(String.format("%02X", ThreadLocalRandom.current().nextInt(256)));
        }
        return s.toString();
    }
}
