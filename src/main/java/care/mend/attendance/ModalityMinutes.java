package care.mend.attendance;

import care.mend.media.MediaModality;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whole minutes in the room split by what the patient's connection carried; the three add up to the minutes present
 * (at sign-off by construction, after an amendment because the amendment said so).
 */
public record ModalityMinutes(int audioVideo, int audioOnly, int noMedia) {

    public ModalityMinutes {
        if (audioVideo < 0 || audioOnly < 0 || noMedia < 0) {
            throw new IllegalArgumentException("minutes by modality must not be negative");
        }
    }

    public int total() {
        return audioVideo + audioOnly + noMedia;
    }

    /** The split as the API writes it: keyed by {@link MediaModality} name, the shape of the sheet's lines. */
    public Map<String, Long> byName() {
        Map<String, Long> named = new LinkedHashMap<>();
        named.put(MediaModality.AUDIO_VIDEO.name(), (long) audioVideo);
        named.put(MediaModality.AUDIO_ONLY.name(), (long) audioOnly);
        named.put(MediaModality.NONE.name(), (long) noMedia);
        return named;
    }
}
