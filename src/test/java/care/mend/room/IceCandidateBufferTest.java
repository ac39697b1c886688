package care.mend.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.media.IceCandidate;
import care.mend.media.MediaEndpointRef;
import org.junit.jupiter.api.Test;

class IceCandidateBufferTest {

    private final IceCandidateBuffer buffer = new IceCandidateBuffer(3);
    private final MediaEndpointRef pub = MediaEndpointRef.publisher("a");
    private final MediaEndpointRef sub = MediaEndpointRef.subscriber("b", "a");

    private static IceCandidate c(int n) {
        return new IceCandidate("candidate:" + n, "0", 0);
    }

    @Test
    void holdsCandidatesInOrderUntilTheEndpointIsReadyThenPassesThemThrough() {
        buffer.rearm(pub);
        assertThat(buffer.offer(pub, c(1))).isFalse();
        assertThat(buffer.offer(pub, c(2))).isFalse();
        assertThat(buffer.ready(pub)).containsExactly(c(1), c(2));
        assertThat(buffer.offer(pub, c(3))).isTrue();
        assertThat(buffer.buffered(pub)).isZero();
    }

    @Test
    void keepsAtMostTheLimitPerEndpoint() {
        buffer.rearm(pub);
        for (int i = 0; i < 10; i++) {
            buffer.offer(pub, c(i));
        }
        assertThat(buffer.ready(pub)).containsExactly(c(0), c(1), c(2));
    }

    @Test
    void forgettingAParticipantForgetsEveryEndpointThatInvolvesIt() {
        buffer.ready(pub);
        buffer.rearm(sub);
        buffer.offer(sub, c(1));
        buffer.forgetParticipant("a");
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.isKnown(pub)).isFalse();
        assertThatThrownBy(() -> buffer.offer(pub, c(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReArmedEndpointBuffersAgainAndKeepsWhatWasBuffered() {
        buffer.rearm(pub);
        buffer.offer(pub, c(1));
        buffer.rearm(pub);
        assertThat(buffer.ready(pub)).containsExactly(c(1));
        buffer.rearm(pub);
        assertThat(buffer.offer(pub, c(2))).isFalse();
        assertThat(buffer.ready(pub)).containsExactly(c(2));
    }

    @Test
    void aForgottenEndpointIsUnknownUntilOfferedAgain() {
        buffer.ready(pub);
        buffer.forget(pub);
        assertThat(buffer.isReady(pub)).isFalse();
        assertThat(buffer.isKnown(pub)).isFalse();
        buffer.rearm(pub);
        assertThat(buffer.offer(pub, c(1))).isFalse();
    }

    @Test
    void onlyEndpointsUnderNegotiationOrReadyAreKnown() {
        assertThat(buffer.isKnown(sub)).isFalse();
        assertThatThrownBy(() -> buffer.offer(sub, c(1))).isInstanceOf(IllegalStateException.class);
        assertThat(buffer.isEmpty()).isTrue();
    }
}
