package care.mend.media.kurento.standin;

import care.mend.media.kurento.standin.StandInObject.Kind;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one run of Kurento Media Server knows: its sessions, media objects and event subscriptions, and how it answers
 * each JSON-RPC request. A restart is a new model: old ids are gone and old sessions are invalid, as in transcript
 * 07. Thread-safe: every method holds the model's lock.
 *
 * <p>Longer than the ~450 lines aimed at, on purpose: it is one server's state and every request's answer, kept
 * together so that a reader can check it against the transcripts in one place; statistics live in
 * {@link StandInStats}.
 */
final class KmsModel {

    /** Where a frame goes: one WebSocket connection of the stand-in. */
    interface Peer {
        /** The session the connection opened or joined, null before the first. */
        String session();

        void session(String sessionId);
    }

    record Outgoing(Peer peer, JsonObject frame) {
    }

    private record Subscription(String id, String objectId, String type, Peer peer) {
    }

    static final String SERVER_MANAGER = "manager_ServerManager";

    private static final Set<String> TYPES = Set.of("MediaPipeline", "WebRtcEndpoint", "Composite", "HubPort");
    private static final Set<String> ELEMENT_EVENTS = Set.of("MediaFlowInStateChanged", "MediaFlowOutStateChanged",
            "MediaTranscodingStateChanged", "ElementConnected", "ElementDisconnected", "Error");
    private static final Set<String> ENDPOINT_EVENTS = Set.of("IceCandidateFound", "IceGatheringDone",
            "IceComponentStateChanged", "NewCandidatePairSelected", "MediaStateChanged", "ConnectionStateChanged",
            "DataChannelOpened", "DataChannelClosed", "DtlsConnectionStateChange", "MediaSessionStarted",
            "MediaSessionTerminated");
    private static final List<String> BANDWIDTH_PROPERTIES = List.of("maxVideoSendBandwidth",
            "minVideoSendBandwidth", "maxVideoRecvBandwidth", "minVideoRecvBandwidth", "maxAudioRecvBandwidth",
            "maxEncoderBitrate", "minEncoderBitrate", "encoderBitrate", "mtu");

    private final String serverId = UUID.randomUUID().toString();
    private final Set<String> sessions = new HashSet<>();
    private final Map<String, StandInObject> objects = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    /**
     * Indexes, so that a call costs what it costs on one pipeline, not on all of them (the load harness keeps
     * thousands of endpoints alive): each pipeline's objects in creation order, and each object's subscriptions.
     */
    private final Map<String, Map<String, StandInObject>> byPipeline = new HashMap<>();
    private final Map<String, Map<String, Subscription>> subscriptionsByObject = new HashMap<>();
    private final boolean autoMedia;

    KmsModel(boolean autoMedia) {
        this.autoMedia = autoMedia;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Requests

    /** Answers one request frame (already parsed and checked to be a JSON-RPC 2.0 request with an id). */
    synchronized List<Outgoing> handle(Peer peer, JsonObject request) {
        List<Outgoing> out = new ArrayList<>();
        JsonElement id = request.get("id");
        String method = request.get("method").getAsString();
        JsonObject params = request.has("params") && request.get("params").isJsonObject()
                ? request.getAsJsonObject("params") : null;
        List<Outgoing> events = new ArrayList<>();
        try {
            JsonObject result = dispatch(peer, method, params, events);
            JsonObject response = new JsonObject();
            response.add("id", id);
            response.addProperty("jsonrpc", "2.0");
            response.add("result", result == null ? JsonNull.INSTANCE : result);
            out.add(new Outgoing(peer, response));
        } catch (KmsError e) {
            out.add(new Outgoing(peer, error(id, e)));
        }
        out.addAll(events);
        return out;
    }

    static JsonObject error(JsonElement id, KmsError e) {
        JsonObject response = new JsonObject();
        response.add("error", e.toJson());
        response.add("id", id == null ? JsonNull.INSTANCE : id);
        response.addProperty("jsonrpc", "2.0");
        return response;
    }

    private JsonObject dispatch(Peer peer, String method, JsonObject params, List<Outgoing> events) {
        switch (method) {
            case "ping":
                return withSession(peer, params, value("pong"), peer.session() != null);
            case "connect":
                return connect(peer, params);
            case "create":
                return withSession(peer, params, value(create(requireParams(params, "type"))), true);
            case "invoke":
                return withSession(peer, params, value(invoke(peer, requireParams(params, "operation"), events)), true);
            case "subscribe":
                return withSession(peer, params, value(subscribe(peer, requireParams(params, "type"))), true);
            case "unsubscribe":
                unsubscribe(string(requireParams(params, "subscription"), "subscription"));
                return withSession(peer, params, new JsonObject(), true);
            case "release":
                release(string(requireParams(params, "object"), "object"));
                return withSession(peer, params, new JsonObject(), true);
            case "describe":
                return withSession(peer, params, describe(string(requireParams(params, "object"), "object")), true);
            case "transaction":
                return withSession(peer, params, value(transaction(peer, requireParams(params, "operations"), events)),
                        true);
            case "closeSession":
                if (params == null) {
                    throw new KmsError(-32602, "INVALID_PARAMS", "'params' is required");
                }
                return null;
            default:
                throw new KmsError(-32601, null, "Method not found.");
        }
    }

    private static JsonObject requireParams(JsonObject params, String key) {
        if (params == null) {
            throw new KmsError(-32000, null, "'" + key + "' parameter is required");
        }
        return params;
    }

    private static JsonObject value(Object value) {
        JsonObject result = new JsonObject();
        result.add("value", toJson(value));
        return result;
    }

    private static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        } else if (value instanceof JsonElement e) {
            return e;
        } else if (value instanceof String s) {
            return new JsonPrimitive(s);
        } else if (value instanceof Number n) {
            return new JsonPrimitive(n);
        } else if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        throw new IllegalArgumentException(value.getClass().getName());
    }

    /**
     * Adds the sessionId to a result, opening one on the first request of a connection that brings none, as KMS does.
     * A request naming a session KMS never issued is served with that id echoed (transcript 05).
     */
    private JsonObject withSession(Peer peer, JsonObject params, JsonObject result, boolean open) {
        String asked = params != null && params.has("sessionId") ? params.get("sessionId").getAsString() : null;
        String session = asked != null ? asked : peer.session();
        if (session == null && open) {
            session = UUID.randomUUID().toString();
            sessions.add(session);
            peer.session(session);
        }
        if (session != null) {
            JsonObject ordered = new JsonObject();
            ordered.addProperty("sessionId", session);
            result.entrySet().forEach(e -> ordered.add(e.getKey(), e.getValue()));
            return ordered;
        }
        return result;
    }

    /**
     * {@code connect}: without a sessionId, the connection's session (or a new one); with one, that session if this
     * server issued it or the connection already has a session, else 40007 (a client reconnecting after a restart).
     */
    private JsonObject connect(Peer peer, JsonObject params) {
        String asked = params != null && params.has("sessionId") ? params.get("sessionId").getAsString() : null;
        String session;
        if (asked == null) {
            session = peer.session() != null ? peer.session() : UUID.randomUUID().toString();
            sessions.add(session);
        } else if (sessions.contains(asked) || peer.session() != null) {
            session = asked;
        } else {
            throw KmsError.invalidSession();
        }
        peer.session(session);
        JsonObject result = new JsonObject();
        result.addProperty("serverId", serverId);
        result.addProperty("sessionId", session);
        return result;
    }

    private String create(JsonObject params) {
        String type = string(params, "type");
        if (!TYPES.contains(type)) {
            throw new KmsError(40108, "MEDIA_OBJECT_NOT_AVAILABLE", "Factory '" + type + "' not found");
        }
        JsonObject constructor = params.has("constructorParams") ? params.getAsJsonObject("constructorParams")
                : new JsonObject();
        String parent = null;
        String prefix = "";
        if (type.equals("HubPort")) {
            parent = existing(param(constructor, "hub"), "Composite").id;
            prefix = objects.get(parent).parentId + "/";
        } else if (!type.equals("MediaPipeline")) {
            parent = existing(param(constructor, "mediaPipeline"), "MediaPipeline").id;
            prefix = parent + "/";
        }
        String id = prefix + UUID.randomUUID() + "_kurento." + type;
        StandInObject object = new StandInObject(id, type, parent);
        JsonObject properties = params.has("properties") ? params.getAsJsonObject("properties") : new JsonObject();
        if (properties.has("name")) {
            object.name = properties.get("name").getAsString();
        }
        object.pipeline = homeOf(object);
        objects.put(id, object);
        byPipeline.computeIfAbsent(object.pipeline, p -> new LinkedHashMap<>()).put(id, object);
        if (type.equals("HubPort")) {
            // Its Composite's video leaves it at once (04-composite): nobody subscribed yet, so no event goes out.
            reflow(object, new ArrayList<>());
        }
        return id;
    }

    private void unsubscribe(String subscriptionId) {
        Subscription s = subscriptions.remove(subscriptionId);
        if (s != null) {
            Map<String, Subscription> ofObject = subscriptionsByObject.get(s.objectId());
            if (ofObject != null) {
                ofObject.remove(subscriptionId);
                if (ofObject.isEmpty()) {
                    subscriptionsByObject.remove(s.objectId());
                }
            }
        }
    }

    private static String param(JsonObject params, String name) {
        JsonElement e = params.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw KmsError.marshall(name, "parameter", "string");
        }
        return e.getAsString();
    }

    private static String string(JsonObject params, String name) {
        JsonElement e = params.get(name);
        if (e == null || !e.isJsonPrimitive()) {
            throw new KmsError(-32000, null, "'" + name + "' parameter is required");
        }
        return e.getAsString();
    }

    private StandInObject existing(String id, String expectedType) {
        StandInObject object = objects.get(id);
        if (object == null || (expectedType != null && !object.type.equals(expectedType))) {
            throw KmsError.notFound(id);
        }
        return object;
    }

    private String subscribe(Peer peer, JsonObject params) {
        String type = string(params, "type");
        String objectId = string(params, "object");
        boolean supported;
        if (objectId.equals(SERVER_MANAGER)) {
            supported = type.equals("ObjectCreated") || type.equals("ObjectDestroyed");
        } else {
            StandInObject object = existing(objectId, null);
            supported = type.equals("Error") || (object.isElement() && ELEMENT_EVENTS.contains(type))
                    || (object.type.equals("WebRtcEndpoint") && ENDPOINT_EVENTS.contains(type));
        }
        if (!supported) {
            throw new KmsError(40106, "MEDIA_OBJECT_EVENT_NOT_SUPPORTED", "Event '" + type + "' not supported");
        }
        String id = UUID.randomUUID().toString();
        Subscription subscription = new Subscription(id, objectId, type, peer);
        subscriptions.put(id, subscription);
        if (objectId != null) {
            subscriptionsByObject.computeIfAbsent(objectId, o -> new LinkedHashMap<>()).put(id, subscription);
        }
        return id;
    }

    private JsonObject describe(String objectId) {
        String type;
        List<String> hierarchy;
        if (objectId.equals(SERVER_MANAGER)) {
            type = "ServerManager";
            hierarchy = List.of("kurento.MediaObject");
        } else {
            type = existing(objectId, null).type;
            hierarchy = switch (type) {
                case "WebRtcEndpoint" -> List.of("kurento.BaseRtpEndpoint", "kurento.SdpEndpoint",
                        "kurento.SessionEndpoint", "kurento.Endpoint", "kurento.MediaElement", "kurento.MediaObject");
                case "Composite" -> List.of("kurento.Hub", "kurento.MediaObject");
                case "HubPort" -> List.of("kurento.MediaElement", "kurento.MediaObject");
                default -> List.of("kurento.MediaObject");
            };
        }
        JsonObject result = new JsonObject();
        JsonArray h = new JsonArray();
        hierarchy.forEach(h::add);
        result.add("hierarchy", h);
        result.addProperty("qualifiedType", "kurento." + type);
        result.addProperty("type", type);
        return result;
    }

    private JsonArray transaction(Peer peer, JsonObject params, List<Outgoing> events) {
        JsonElement operations = params.get("operations");
        if (operations == null || !operations.isJsonArray()) {
            throw KmsError.marshall("operations", "parameter", "array");
        }
        JsonArray results = new JsonArray();
        for (JsonElement element : operations.getAsJsonArray()) {
            JsonObject op = element.getAsJsonObject();
            JsonObject opParams = op.has("params") ? op.getAsJsonObject("params") : null;
            // An operation of a transaction fails the whole transaction: KMS stops at the first error.
            JsonObject result = dispatch(peer, op.get("method").getAsString(), opParams, events);
            JsonObject entry = new JsonObject();
            entry.add("id", op.get("id"));
            entry.addProperty("jsonrpc", "2.0");
            entry.add("result", result == null ? JsonNull.INSTANCE : result);
            results.add(entry);
        }
        return results;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Operations

    private Object invoke(Peer peer, JsonObject params, List<Outgoing> events) {
        String operation = string(params, "operation");
        String objectId = params.has("object") ? params.get("object").getAsString() : "";
        JsonObject args = params.has("operationParams") ? params.getAsJsonObject("operationParams") : new JsonObject();
        if (objectId.equals(SERVER_MANAGER)) {
            return serverManager(operation, args);
        }
        StandInObject object = existing(objectId, null);
        switch (operation) {
            case "getName":
                return object.name;
            case "setName":
                object.name = param(args, "name");
                return null;
            case "getCreationTime":
                return object.creationTime;
            case "getChildren": {
                JsonArray children = new JsonArray();
                objects.values().stream().filter(o -> objectId.equals(o.parentId)).forEach(o -> children.add(o.id));
                return children;
            }
            case "getMediaPipeline":
                return object.isElement() ? pipelineOf(object) : object.id;
            case "getParent":
                return object.parentId;
            default:
                break;
        }
        if (!object.isElement() || object.type.equals("Composite")) {
            throw unknownOperation(operation, args);
        }
        switch (operation) {
            case "connect":
            case "disconnect": {
                StandInObject sink = existing(param(args, "sink"), null);
                Set<Kind> kinds = kinds(args);
                if (operation.equals("connect")) {
                    object.sinks.computeIfAbsent(sink.id, k -> EnumSet.noneOf(Kind.class)).addAll(kinds);
                } else if (object.sinks.containsKey(sink.id)) {
                    object.sinks.get(sink.id).removeAll(kinds);
                    if (object.sinks.get(sink.id).isEmpty()) {
                        object.sinks.remove(sink.id);
                    }
                }
                reflow(object, events);
                return null;
            }
            case "getSinkConnections":
                return connections(object, true);
            case "getSourceConnections":
                return connections(object, false);
            case "isMediaFlowingIn":
                return object.flowingIn.contains(Kind.valueOf(param(args, "mediaType")));
            case "isMediaFlowingOut":
                return object.flowingOut.contains(Kind.valueOf(param(args, "mediaType")));
            case "getStats":
                // Only a WebRtcEndpoint's RTP is modelled; other elements have no stats here (KMS: null without media).
                return object.type.equals("WebRtcEndpoint")
                        ? object.stats.answer(kinds(args), System.currentTimeMillis(), object.properties)
                        : null;
            default:
                break;
        }
        String property = propertyOf(operation);
        if (property != null && BANDWIDTH_PROPERTIES.contains(property)) {
            if (operation.startsWith("set")) {
                JsonElement v = args.get(property);
                if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                    throw KmsError.marshall(property, "parameter", "integer");
                }
                object.properties.put(property, v.getAsInt());
                return null;
            }
            return object.properties.getOrDefault(property, 0);
        }
        if (!object.type.equals("WebRtcEndpoint")) {
            throw unknownOperation(operation, args);
        }
        return webRtc(object, operation, args, events);
    }

    private Object webRtc(StandInObject endpoint, String operation, JsonObject args, List<Outgoing> events) {
        switch (operation) {
            case "processOffer": {
                JsonElement offer = args.get("offer");
                if (offer == null || !offer.isJsonPrimitive() || !offer.getAsJsonPrimitive().isString()) {
                    throw KmsError.marshall("offer", "parameter", "string");
                }
                String sdp = offer.getAsString();
                if (sdp.isEmpty()) {
                    throw KmsError.invalidSdp("Empty offer not valid");
                }
                if (!StandInSdp.looksLikeSdp(sdp)) {
                    throw KmsError.invalidSdp("Invalid SDP");
                }
                endpoint.offered = StandInSdp.inspect(sdp);
                if (autoMedia) {
                    if (endpoint.offered.sendsAudio()) {
                        endpoint.fromBrowser.add(Kind.AUDIO);
                    }
                    if (endpoint.offered.sendsVideo()) {
                        endpoint.fromBrowser.add(Kind.VIDEO);
                    }
                    reflow(endpoint, events);
                }
                return StandInSdp.answer(sdp);
            }
            case "generateOffer":
                endpoint.offerGenerated = true;
                return StandInSdp.answer("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=sendrecv\r\n"
                        + "a=rtpmap:111 opus/48000/2\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\na=sendrecv\r\n"
                        + "a=rtpmap:96 VP8/90000\r\n");
            case "processAnswer":
                if (!endpoint.offerGenerated) {
                    throw new KmsError(40209, "SDP_END_POINT_NOT_OFFER_GENERATED",
                            "Offer not generated. It is not possible to process an answer.");
                }
                return StandInSdp.answer(param(args, "answer"));
            case "gatherCandidates": {
                int mLines = endpoint.offered == null ? 2 : Math.max(1, endpoint.offered.mLines());
                for (int i = 0; i < mLines; i++) {
                    JsonObject candidate = new JsonObject();
                    candidate.addProperty("__module__", "kurento");
                    candidate.addProperty("__type__", "IceCandidate");
                    candidate.addProperty("candidate", "candidate:1 1 UDP 2015364095 127.0.0.1 " + (43000 + i)
                            + " typ host");
                    candidate.addProperty("sdpMLineIndex", i);
                    candidate.addProperty("sdpMid", String.valueOf(i));
                    JsonObject data = new JsonObject();
                    data.add("candidate", candidate);
                    event(endpoint.id, "IceCandidateFound", data, events);
                }
                event(endpoint.id, "IceGatheringDone", new JsonObject(), events);
                return null;
            }
            case "addIceCandidate": {
                JsonElement candidate = args.get("candidate");
                if (candidate == null || !candidate.isJsonObject()) {
                    throw KmsError.marshall("candidate", "parameter", "object");
                }
                JsonObject c = candidate.getAsJsonObject();
                if (!c.has("sdpMid") || !c.get("sdpMid").isJsonPrimitive()) {
                    throw KmsError.marshall("sdpMid", "property", "string");
                }
                return null;
            }
            case "getMediaState":
                return endpoint.flowingIn.isEmpty() && endpoint.flowingOut.isEmpty() ? "DISCONNECTED" : "CONNECTED";
            case "getConnectionState":
                return endpoint.offered == null ? "DISCONNECTED" : "CONNECTED";
            default:
                throw unknownOperation(operation, args);
        }
    }

    private Object serverManager(String operation, JsonObject args) {
        switch (operation) {
            case "getPipelines": {
                JsonArray ids = new JsonArray();
                objects.values().stream().filter(o -> !o.isElement()).forEach(o -> ids.add(o.id));
                return ids;
            }
            case "getSessions": {
                JsonArray ids = new JsonArray();
                sessions.forEach(ids::add);
                return ids;
            }
            case "getInfo": {
                JsonObject info = new JsonObject();
                info.addProperty("__module__", "kurento");
                info.addProperty("__type__", "ServerInfo");
                JsonArray capabilities = new JsonArray();
                capabilities.add("transactions");
                info.add("capabilities", capabilities);
                info.add("modules", new JsonArray());
                info.addProperty("type", "KMS");
                info.addProperty("version", "7.3.1-dev");
                return info;
            }
            case "getName":
                return SERVER_MANAGER;
            case "getCpuCount":
                return 2;
            case "getUsedMemory":
                return 123456;
            default:
                throw unknownOperation(operation, args);
        }
    }

    private static KmsError unknownOperation(String operation, JsonObject args) {
        return new KmsError(40008, "MALFORMED_TRANSACTION",
                "Method '" + operation + "' with " + args.size() + " parameters not found");
    }

    private static String propertyOf(String operation) {
        if ((operation.startsWith("set") || operation.startsWith("get")) && operation.length() > 3) {
            return Character.toLowerCase(operation.charAt(3)) + operation.substring(4);
        }
        return null;
    }

    private static Set<Kind> kinds(JsonObject args) {
        if (args.has("mediaType")) {
            String t = args.get("mediaType").getAsString();
            return EnumSet.of(Kind.valueOf(t));
        }
        return EnumSet.allOf(Kind.class);
    }

    private String pipelineOf(StandInObject element) {
        StandInObject parent = objects.get(element.parentId);
        return parent == null ? element.parentId : parent.isElement() ? parent.parentId : parent.id;
    }

    private JsonArray connections(StandInObject object, boolean asSource) {
        JsonArray list = new JsonArray();
        for (StandInObject source : objects.values()) {
            for (Map.Entry<String, Set<Kind>> e : source.sinks.entrySet()) {
                boolean match = asSource ? source == object : e.getKey().equals(object.id);
                if (!match) {
                    continue;
                }
                for (Kind kind : e.getValue()) {
                    JsonObject c = new JsonObject();
                    c.addProperty("__module__", "kurento");
                    c.addProperty("__type__", "ElementConnectionData");
                    c.addProperty("sink", e.getKey());
                    c.addProperty("sinkDescription", "default");
                    c.addProperty("source", source.id);
                    c.addProperty("sourceDescription", "default");
                    c.addProperty("type", kind.name());
                    list.add(c);
                }
            }
        }
        return list;
    }

    /**
     * Releases an object and whatever it contains (a pipeline's elements, a Composite's ports) and every connection
     * to or from them. An unknown or released id is no error (transcript 05).
     */
    private void release(String objectId) {
        StandInObject object = objects.get(objectId);
        if (object == null) {
            return;
        }
        String pipeline = homeOf(object);
        objects.remove(objectId);
        Map<String, StandInObject> members = byPipeline.getOrDefault(pipeline, new LinkedHashMap<>());
        members.remove(objectId);
        for (StandInObject child : List.copyOf(members.values())) {
            if (objectId.equals(child.parentId)) {
                release(child.id);
            }
        }
        members.values().forEach(o -> o.sinks.remove(objectId));
        if (members.isEmpty()) {
            byPipeline.remove(pipeline);
        }
        Map<String, Subscription> ofObject = subscriptionsByObject.remove(objectId);
        if (ofObject != null) {
            ofObject.keySet().forEach(subscriptions::remove);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Media flow

    /** The browser of an endpoint starts or stops sending one kind of media; test-driven. */
    synchronized List<Outgoing> browserSends(String endpointId, Kind kind, boolean sending) {
        StandInObject endpoint = objects.get(endpointId);
        if (endpoint == null) {
            throw new IllegalArgumentException("no such endpoint");
        }
        if (sending) {
            endpoint.fromBrowser.add(kind);
        } else {
            endpoint.fromBrowser.remove(kind);
        }
        List<Outgoing> events = new ArrayList<>();
        reflow(endpoint, events);
        return events;
    }

    /**
     * Recomputes which media flows between elements and emits MediaFlowIn/OutStateChanged for every change. As KMS
     * 7.3.0 does (reference README, observation 1 and its correction from {@code qd-publisher-without-sink.jsonl}):
     * <ul>
     * <li>a WebRtcEndpoint's flow out is what its browser sends into the pipeline, with or without a sink, so a
     * recvonly subscriber never reports flow out;</li>
     * <li>an element's flow in is what the elements connected into it feed it;</li>
     * <li>a HubPort sends its Composite's video from the moment it exists (the mixed canvas, 04-composite), plus the
     * mix of every other port's input towards its sinks.</li>
     * </ul>
     */
    /** The pipeline an object belongs to: media never flows between pipelines, so a change reflows one alone. */
    private String homeOf(StandInObject o) {
        if (o.pipeline != null) {
            return o.pipeline;
        }
        if (o.parentId == null) {
            return o.id;
        }
        StandInObject parent = objects.get(o.parentId);
        return parent == null || parent.parentId == null ? o.parentId : parent.parentId; // a HubPort's Composite
    }

    private void reflow(StandInObject changed, List<Outgoing> events) {
        List<StandInObject> members = List.copyOf(byPipeline.getOrDefault(homeOf(changed), Map.of()).values());
        Map<String, Set<Kind>> produces = new HashMap<>();
        Map<String, List<StandInObject>> portsByHub = new HashMap<>();
        for (StandInObject o : members) {
            if (o.type.equals("WebRtcEndpoint")) {
                produces.put(o.id, EnumSet.copyOf(o.fromBrowser.isEmpty() ? EnumSet.noneOf(Kind.class)
                        : o.fromBrowser));
            } else if (o.type.equals("HubPort")) {
                portsByHub.computeIfAbsent(o.parentId, x -> new ArrayList<>()).add(o);
            }
        }
        Map<String, Set<Kind>> in = new HashMap<>();
        // Two passes: endpoints feed ports, ports feed the mix, the mix leaves through ports.
        for (int pass = 0; pass < 2; pass++) {
            in.clear();
            for (StandInObject source : members) {
                Set<Kind> available = produces.getOrDefault(source.id, EnumSet.noneOf(Kind.class));
                source.sinks.forEach((sinkId, kinds) -> {
                    for (Kind k : kinds) {
                        if (available.contains(k)) {
                            in.computeIfAbsent(sinkId, x -> EnumSet.noneOf(Kind.class)).add(k);
                        }
                    }
                });
            }
            for (List<StandInObject> ports : portsByHub.values()) {
                for (StandInObject port : ports) {
                    Set<Kind> mix = EnumSet.of(Kind.VIDEO);
                    for (StandInObject other : ports) {
                        if (other != port) {
                            mix.addAll(in.getOrDefault(other.id, Set.of()));
                        }
                    }
                    produces.put(port.id, mix);
                }
            }
        }
        long now = System.currentTimeMillis();
        for (StandInObject o : members) {
            Set<Kind> available = produces.getOrDefault(o.id, Set.of());
            Set<Kind> out = EnumSet.noneOf(Kind.class);
            if (o.type.equals("WebRtcEndpoint")) {
                available.stream().filter(k -> k != Kind.DATA).forEach(out::add);
            } else {
                o.sinks.values().forEach(kinds -> kinds.stream().filter(available::contains).forEach(out::add));
                if (o.type.equals("HubPort")) {
                    out.add(Kind.VIDEO);
                }
            }
            diff(o, o.flowingOut, out, "MediaFlowOutStateChanged", events);
            diff(o, o.flowingIn, in.getOrDefault(o.id, EnumSet.noneOf(Kind.class)), "MediaFlowInStateChanged",
                    events);
            if (o.type.equals("WebRtcEndpoint")) {
                o.stats.update(o.flowingOut, o.flowingIn, now);
            }
        }
    }

    private void diff(StandInObject o, Set<Kind> now, Set<Kind> next, String type, List<Outgoing> events) {
        for (Kind k : List.of(Kind.AUDIO, Kind.VIDEO)) {
            boolean was = now.contains(k);
            boolean is = next.contains(k);
            if (was != is) {
                JsonObject data = new JsonObject();
                data.addProperty("mediaType", k.name());
                data.addProperty("padName", "default");
                data.addProperty("state", is ? "FLOWING" : "NOT_FLOWING");
                event(o.id, type, data, events);
            }
        }
        now.clear();
        now.addAll(next);
    }

    private void event(String objectId, String type, JsonObject data, List<Outgoing> events) {
        data.addProperty("source", objectId);
        data.add("tags", new JsonArray());
        data.addProperty("timestampMillis", String.valueOf(System.currentTimeMillis()));
        data.addProperty("type", type);
        for (Subscription s : subscriptionsByObject.getOrDefault(objectId, Map.of()).values()) {
            if (s.type().equals(type)) {
                JsonObject value = new JsonObject();
                value.add("data", data);
                value.addProperty("object", objectId);
                value.addProperty("type", type);
                JsonObject params = new JsonObject();
                params.add("value", value);
                JsonObject frame = new JsonObject();
                frame.addProperty("jsonrpc", "2.0");
                frame.addProperty("method", "onEvent");
                frame.add("params", params);
                events.add(new Outgoing(s.peer(), frame));
            }
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // For tests

    synchronized List<StandInObject.View> liveObjects() {
        return objects.values().stream().map(StandInObject::view).toList();
    }

    synchronized int subscriptionCount() {
        return subscriptions.size();
    }
}
