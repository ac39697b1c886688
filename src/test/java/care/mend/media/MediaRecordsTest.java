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
    void anOfferSaysWhetherItWantsVideo() {
        String audio = "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=recvonly\r\n";
        assertThat(new SdpOffer(audio).offersVideo()).isFalse();
        assertThat(new SdpOffer(audio + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\na=recvonly\r\n").offersVideo())
                .isTrue();
        assertThat(new SdpOffer(audio + "m=video 0 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\n").offersVideo())
                .as("a rejected video section").isFalse();
        assertThat(new SdpOffer(audio + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=inactive\r\n").offersVideo())
                .as("an inactive video section").isFalse();
        assertThat(new SdpOffer("v=0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=inactive\nm=video 9 UDP/TLS/RTP/SAVPF 96\n"
                + "a=recvonly\nm=audio 9 UDP/TLS/RTP/SAVPF 111\n").offersVideo()).as("a second, usable one").isTrue();
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
