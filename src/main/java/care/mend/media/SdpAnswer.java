package care.mend.media;

import java.util.Objects;

/**
 * The media server's SDP answer to an {@link SdpOffer}. {@link #toString()} prints only its length.
 *
 * @param sdp the answer, never blank
 */
public record SdpAnswer(String sdp) {

    public SdpAnswer {
        Objects.requireNonNull(sdp, "sdp");
        if (sdp.isBlank()) {
            throw new IllegalArgumentException("an SDP answer is not blank");
        }
    }

    @Override
    public String toString() {
        return "SdpAnswer[" + sdp.length() + " chars]";
    }
}
