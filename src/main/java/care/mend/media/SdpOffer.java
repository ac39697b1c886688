package care.mend.media;

import java.util.Objects;

/**
 * A browser's SDP offer. SDP lists the device's addresses, so {@link #toString()} prints only its length.
 *
 * @param sdp the offer as the browser produced it, never blank
 */
public record SdpOffer(String sdp) {

    public SdpOffer {
        Objects.requireNonNull(sdp, "sdp");
        if (sdp.isBlank()) {
            throw new IllegalArgumentException("an SDP offer is not blank");
        }
    }

    /**
     * Whether the offer has a video section the browser means to use: an {@code m=video} line whose port is not 0
     * (0 rejects the section) and that is not {@code a=inactive}. A recvonly offer without one asks for audio alone.
     */
    public boolean offersVideo() {
        boolean inVideo = false;
        boolean usable = false;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                if (inVideo && usable) {
                    return true;
                }
                String[] parts = line.substring(2).split(" ");
                inVideo = parts[0].equals("video");
                usable = inVideo && parts.length > 1 && !parts[1].equals("0");
            } else if (inVideo && line.trim().equals("a=inactive")) {
                usable = false;
            }
        }
        return inVideo && usable;
    }

    @Override
    public String toString() {
        return "SdpOffer[" + sdp.length() + " chars]";
    }
}
