package care.mend.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.media.MediaModality;
import org.junit.jupiter.api.Test;
import org.kurento.client.MediaType;

/** What a publisher sends, from KMS's flow events in whatever order the client's threads deliver them. */
class PublisherFlowTest {

    private final KurentoParticipant.Publisher publisher = new KurentoParticipant.Publisher(null, false);

    @Test
    void anEventOlderThanTheLastOneOfItsTypeIsStale() {
        assertThat(publisher.flow(MediaType.AUDIO, true, "1000")).isTrue();
        assertThat(publisher.flow(MediaType.VIDEO, true, "1000")).isTrue();
        // The camera stopped at 2000 and came back at 2100; the client delivered the two the other way round.
        assertThat(publisher.flow(MediaType.VIDEO, true, "2100")).isTrue();
        assertThat(publisher.flow(MediaType.VIDEO, false, "2000")).isFalse();
        assertThat(publisher.modality()).isEqualTo(MediaModality.AUDIO_VIDEO);
    }

    @Test
    void typesAreOrderedEachOnItsOwnAndAnEqualStampIsApplied() {
        assertThat(publisher.flow(MediaType.VIDEO, true, "5000")).isTrue();
        assertThat(publisher.flow(MediaType.AUDIO, true, "4000")).as("audio's own first event").isTrue();
        assertThat(publisher.flow(MediaType.VIDEO, false, "5000")).isTrue();
        assertThat(publisher.modality()).isEqualTo(MediaModality.AUDIO_ONLY);
    }

    @Test
    void anEventWithoutAReadableStampIsAppliedAsItComes() {
        assertThat(publisher.flow(MediaType.AUDIO, true, "9000")).isTrue();
        assertThat(publisher.flow(MediaType.AUDIO, false, null)).isTrue();
        assertThat(publisher.flow(MediaType.AUDIO, true, "not a time")).isTrue();
        assertThat(publisher.flow(MediaType.AUDIO, false, "99999999999999999999999")).isTrue();
        assertThat(publisher.modality()).isEqualTo(MediaModality.NONE);
    }
}
