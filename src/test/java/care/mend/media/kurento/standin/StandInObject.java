package care.mend.media.kurento.standin;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One media object the stand-in holds: a MediaPipeline, WebRtcEndpoint, Composite or HubPort. Guarded by the
 * {@link KmsModel}'s lock.
 */
public final class StandInObject {

    /** What a connection between elements carries; DATA (data channels) never reports flow. */
    public enum Kind { AUDIO, DATA, VIDEO }

    final String id;
    final String type;
    /** The pipeline of an element, the Composite of a HubPort; null for a pipeline. */
    final String parentId;
    /** The pipeline the object lives in (its own id for a pipeline); set once, when it is made. */
    String pipeline;
    final long creationTime = System.currentTimeMillis() / 1000;
    String name;
    final Map<String, Object> properties = new HashMap<>();
    /** Sink id -> the kinds this object sends it. */
    final Map<String, Set<Kind>> sinks = new LinkedHashMap<>();
    /** What the browser on the other side of a WebRtcEndpoint sends (after its offer was answered). */
    final Set<Kind> fromBrowser = EnumSet.noneOf(Kind.class);
    StandInSdp.Offered offered;
    boolean offerGenerated;
    final Set<Kind> flowingOut = EnumSet.noneOf(Kind.class);
    final Set<Kind> flowingIn = EnumSet.noneOf(Kind.class);
    /** A WebRtcEndpoint's RTP statistics, following what flows in and out of it. */
    final StandInStats stats = new StandInStats();

    StandInObject(String id, String type, String parentId) {
        this.id = id;
        this.type = type;
        this.parentId = parentId;
        this.name = id;
    }

    boolean isElement() {
        return !type.equals("MediaPipeline");
    }

    /**
     * A snapshot for tests: what the object is, where it sends media, and what flows into it (what KMS would report
     * with MediaFlowInStateChanged: for a WebRtcEndpoint, what it sends its browser).
     */
    public record View(String id, String type, String parentId, Map<String, Set<Kind>> sinks,
            Map<String, Object> properties, Set<Kind> flowingIn) {
        public boolean sendsTo(String sinkId, Kind kind) {
            Set<Kind> kinds = sinks.get(sinkId);
            return kinds != null && kinds.contains(kind);
        }

        public boolean receives(Kind kind) {
            return flowingIn.contains(kind);
        }
    }

    View view() {
        Map<String, Set<Kind>> copy = new LinkedHashMap<>();
        sinks.forEach((k, v) -> copy.put(k, v.isEmpty() ? Set.of() : EnumSet.copyOf(v)));
        return new View(id, type, parentId, copy, Map.copyOf(properties),
                flowingIn.isEmpty() ? Set.of() : EnumSet.copyOf(flowingIn));
    }
}
