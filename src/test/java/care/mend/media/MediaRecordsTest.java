package care.mend.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaRecordsTest {

    @Test
    void sdpIsNeverBlankAndNeverPrinted() {
        assertThatThrownBy(() -> new SdpOffer(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdpAnswer("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdpOffer(null)).isInstanceOf(NullPointerException.class);
        String sdp = "v=0\r\no=- 4611731400430051336 2 IN IP4 198.51.100.7\r\n";
        assertThat(new SdpOffer(sdp).toString()).isEqualTo("SdpOffer[" + sdp.length() + " chars]");
        assertThat(new SdpAnswer(sdp).toString()).doesNotContain("198.51.100.7");
    }

    @Test
    void aCandidateKeepsItsPartsAndHidesItsAddress() {
        IceCandidate c = new IceCandidate("candidate:1 1 udp 2122260223 198.51.100.7 54400 typ host", "0", 0);
        assertThat(c.sdpMid()).isEqualTo("0");
        assertThat(c.toString()).doesNotContain("198.51.100.7");
        assertThat(new IceCandidate("", null, 1).candidate()).isEmpty();
        assertThatThrownBy(() -> new IceCandidate("candidate:1", "0", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endpointRefsNameAPublisherOrOneSubscription() {
        MediaEndpointRef pub = MediaEndpointRef.publisher("a");
        MediaEndpointRef sub = MediaEndpointRef.subscriber("b", "a");
        assertThat(pub.isPublisher()).isTrue();
        assertThat(sub.isPublisher()).isFalse();
        assertThat(sub.involves("a")).isTrue();
        assertThat(sub.involves("b")).isTrue();
        assertThat(pub.involves("b")).isFalse();
        assertThatThrownBy(() -> MediaEndpointRef.subscriber("a", "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
