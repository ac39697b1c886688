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

    @Override
    public String toString() {
        return "SdpOffer[" + sdp.length() + " chars]";
    }
}
