package care.mend.media.kurento.standin;

import care.mend.media.kurento.standin.StandInObject.Kind;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What {@code getStats} on one WebRtcEndpoint answers, shaped as KMS 7.3.0 answered Mend's raw client
 * ({@code mend/transcripts/mend-02-audio-only-and-camera-off.jsonl}, answer B of the mend README): a map from stats id
 * to one {@code RTCInboundRTPStreamStats} per SSRC the browser sends (what flows out of the endpoint into the
 * pipeline), and one {@code RTCOutboundRTPStreamStats} per SSRC the endpoint sends its browser (what flows into it from
 * the pipeline; shape of {@code 04-composite.jsonl}). {@code packetsLost} is always -1 inbound, there is no
 * {@code framesDecoded} (an SFU decodes nothing), an audio-only publisher has no video entry, and no entry at all
 * answers {@code null}, as KMS does. Counters grow with the time the stream has flowed, at rates near the recorded ones.
 * Guarded by the {@link KmsModel}'s lock.
 */
final class StandInStats {

    private record Rate(int packetsPerSecond, int bytesPerPacket, double jitter) {
    }

    /** Per-second figures of the recorded polls: audio ~50 packets of ~62 bytes, camera video ~25 of ~750. */
    private static final Map<Kind, Rate> RATES = Map.of(Kind.AUDIO, new Rate(50, 62, 0.0127),
            Kind.VIDEO, new Rate(25, 750, 0.0302));

    /** One SSRC: its stats id, and for how long it has flowed. */
    private static final class Stream {
        final String id = UUID.randomUUID().toString();
        final String ssrc = Long.toString(ThreadLocalRandom.current().nextLong(1, 1L << 32));
        long flowingSince = -1;
        long flowedMillis;

        void flowing(boolean now, long at) {
            if (now && flowingSince < 0) {
                flowingSince = at;
            } else if (!now && flowingSince >= 0) {
                flowedMillis += at - flowingSince;
                flowingSince = -1;
            }
        }

        long millis(long at) {
            return flowedMillis + (flowingSince < 0 ? 0 : at - flowingSince);
        }
    }

    private final Map<Kind, Stream> inbound = new EnumMap<>(Kind.class);
    private final Map<Kind, Stream> outbound = new EnumMap<>(Kind.class);

    /**
     * Follows what flows: {@code fromBrowser} (the endpoint's flow out) and {@code toBrowser} (its flow in). A stream
     * that stopped keeps its entry with frozen counters, as an SSRC once received stays in KMS's stats.
     */
    void update(Set<Kind> fromBrowser, Set<Kind> toBrowser, long at) {
        for (Kind kind : List.of(Kind.AUDIO, Kind.VIDEO)) {
            follow(inbound, kind, fromBrowser.contains(kind), at);
            follow(outbound, kind, toBrowser.contains(kind), at);
        }
    }

    private static void follow(Map<Kind, Stream> streams, Kind kind, boolean flowing, long at) {
        Stream s = streams.get(kind);
        if (s == null && flowing) {
            s = new Stream();
            streams.put(kind, s);
        }
        if (s != null) {
            s.flowing(flowing, at);
        }
    }

    /** The answer for these kinds (one, or both when the call names none), or JSON null when there is no entry. */
    JsonElement answer(Set<Kind> kinds, long at, Map<String, Object> properties) {
        JsonObject all = new JsonObject();
        for (Kind kind : List.of(Kind.AUDIO, Kind.VIDEO)) {
            if (!kinds.contains(kind)) {
                continue;
            }
            Stream in = inbound.get(kind);
            if (in != null) {
                all.add(in.id, inboundEntry(kind, in, at));
            }
            Stream out = outbound.get(kind);
            if (out != null) {
                all.add(out.id, outboundEntry(kind, out, at, properties));
            }
        }
        return all.isEmpty() ? JsonNull.INSTANCE : all;
    }

    private static JsonObject inboundEntry(Kind kind, Stream s, long at) {
        Rate rate = RATES.get(kind);
        long packets = s.millis(at) * rate.packetsPerSecond() / 1000;
        JsonObject e = new JsonObject();
        e.addProperty("__module__", "kurento");
        e.addProperty("__type__", "RTCInboundRTPStreamStats");
        e.addProperty("associateStatsId", "");
        e.addProperty("bytesReceived", packets * rate.bytesPerPacket());
        e.addProperty("codecId", "");
        e.addProperty("firCount", kind == Kind.VIDEO ? 1 : 0);
        e.addProperty("fractionLost", 0);
        e.addProperty("id", s.id);
        e.addProperty("isRemote", false);
        e.addProperty("jitter", rate.jitter());
        e.addProperty("mediaTrackId", "");
        e.addProperty("nackCount", 0);
        e.addProperty("packetsLost", -1);
        e.addProperty("packetsReceived", packets);
        e.addProperty("pliCount", 0);
        e.addProperty("remb", kind == Kind.VIDEO ? 300_000 : 0);
        e.addProperty("sliCount", 0);
        e.addProperty("ssrc", s.ssrc);
        e.addProperty("timestampMillis", at);
        e.addProperty("transportId", "");
        e.addProperty("type", "inboundrtp");
        return e;
    }

    private static JsonObject outboundEntry(Kind kind, Stream s, long at, Map<String, Object> properties) {
        Rate rate = RATES.get(kind);
        long packets = s.millis(at) * rate.packetsPerSecond() / 1000;
        Object cap = properties.get("maxVideoSendBandwidth");
        JsonObject e = new JsonObject();
        e.addProperty("__module__", "kurento");
        e.addProperty("__type__", "RTCOutboundRTPStreamStats");
        e.addProperty("associateStatsId", "");
        e.addProperty("bytesSent", packets * rate.bytesPerPacket());
        e.addProperty("codecId", "");
        e.addProperty("firCount", 0);
        e.addProperty("fractionLost", 0);
        e.addProperty("id", s.id);
        e.addProperty("isRemote", false);
        e.addProperty("mediaTrackId", "");
        e.addProperty("nackCount", 0);
        e.addProperty("packetsLost", 0);
        e.addProperty("packetsSent", packets);
        e.addProperty("pliCount", 0);
        e.addProperty("remb", kind == Kind.VIDEO ? (cap instanceof Integer kbps ? kbps * 1000 : 811_048) : 0);
        e.addProperty("roundTripTime", 0.0013);
        e.addProperty("sliCount", 0);
        e.addProperty("ssrc", s.ssrc);
        e.addProperty("targetBitrate", 0);
        e.addProperty("timestampMillis", at);
        e.addProperty("transportId", "");
        e.addProperty("type", "outboundrtp");
        return e;
    }
}
