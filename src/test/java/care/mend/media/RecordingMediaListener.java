package care.mend.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a media room reports, for tests to wait on. Thread-safe. */
public final class RecordingMediaListener implements MediaRoomListener {

    public record Found(MediaEndpointRef endpoint, IceCandidate candidate) {
    }

    public record Flow(String participantId, MediaModality modality) {
    }

    public final List<Found> candidates = new CopyOnWriteArrayList<>();
    public final List<Flow> flows = new CopyOnWriteArrayList<>();
    public final List<String> outages = new CopyOnWriteArrayList<>();

    @Override
    public void iceCandidateFound(MediaEndpointRef endpoint, IceCandidate candidate) {
        candidates.add(new Found(endpoint, candidate));
    }

    @Override
    public void mediaFlowChanged(String participantId, MediaModality modality) {
        flows.add(new Flow(participantId, modality));
    }

    @Override
    public void mediaInterrupted() {
        outages.add("interrupted");
    }

    @Override
    public void mediaRestored() {
        outages.add("restored");
    }

    /** The last modality reported for the participant, NONE if none yet. */
    public MediaModality modalityOf(String participantId) {
        MediaModality last = MediaModality.NONE;
        for (Flow f : flows) {
            if (f.participantId().equals(participantId)) {
                last = f.modality();
            }
        }
        return last;
    }
}
