package care.mend.media;

import java.util.Objects;

/**
 * One trickled ICE candidate, in either direction, as the browser's {@code RTCIceCandidateInit} names its parts. The
 * candidate line carries an address, so {@link #toString()} leaves it out.
 *
 * @param candidate     the {@code candidate:...} line, never null (empty marks the end of candidates)
 * @param sdpMid        the media stream identification tag, may be null
 * @param sdpMLineIndex the index of the m-line the candidate belongs to, not negative
 */
public record IceCandidate(String candidate, String sdpMid, int sdpMLineIndex) {

    public IceCandidate {
        Objects.requireNonNull(candidate, "candidate");
        if (sdpMLineIndex < 0) {
            throw new IllegalArgumentException("sdpMLineIndex is not negative");
        }
    }

    @Override
    public String toString() {
        return "IceCandidate[sdpMid=" + sdpMid + ", sdpMLineIndex=" + sdpMLineIndex + "]";
    }
}
