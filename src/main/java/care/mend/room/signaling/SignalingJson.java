package care.mend.room.signaling;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonNumber;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** JSON-B for the signaling socket: messages are records, never JSON assembled by hand. */
final class SignalingJson {

    // Jsonb instances are thread-safe and costly to build: one for the application.
    private static final Jsonb JSONB = JsonbBuilder.create();
    // Json.createParser() and friends look the provider up through the ServiceLoader on every call, which costs more
    // than parsing a frame (SignalingCodecBenchmark): the factories are made once.
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());

    private SignalingJson() {
    }

    static String encode(ServerMessage message) {
        return JSONB.toJson(message);
    }

    static ServerMessage decodeServerMessage(String json) {
        return JSONB.fromJson(json, ServerMessage.class);
    }

    static String encode(ClientMessage message) {
        return JSONB.toJson(message);
    }

    /** The client message types by alias, read from {@link ClientMessage}'s one declaration of them. */
    static final Map<String, Class<?>> CLIENT_TYPES = aliases(ClientMessage.class);
    /** The server message types by alias. */
    static final Map<String, Class<?>> SERVER_TYPES = aliases(ServerMessage.class);

    private static Map<String, Class<?>> aliases(Class<?> sealed) {
        return Arrays.stream(sealed.getAnnotation(JsonbTypeInfo.class).value())
                .collect(Collectors.toUnmodifiableMap(JsonbSubtype::alias, JsonbSubtype::type));
    }

    /** What a client's text frame turned out to be: a message, or a refusal with the code to answer it with. */
    sealed interface Decoded {
        record Message(ClientMessage message) implements Decoded {
        }

        record Refused(SignalingErrorCode code, String requestId) implements Decoded {
        }
    }

    /**
     * Reads a client's frame. Never throws. The frame must be one JSON object ({@link #envelope}); its type must be
     * one of {@link #CLIENT_TYPES} ({@code UNKNOWN_TYPE}); every member the type declares must, when present, have
     * the declared JSON type (a string for text and ids, {@code true}/{@code false} for flags, an integer for
     * indexes, an object for nested records) and the record's own checks must pass ({@code INVALID_MESSAGE}).
     * The check of JSON types is ours because JSON-B would coerce {@code 42} into {@code "42"}. Members the type
     * does not declare are ignored, so clients may add fields.
     */
    static Decoded decodeClientMessage(String text) {
        JsonObject object = oneObject(text);
        Optional<ClientEnvelope> envelope = object == null ? Optional.empty() : envelope(object);
        if (envelope.isEmpty()) {
            return new Decoded.Refused(SignalingErrorCode.MALFORMED_MESSAGE, null);
        }
        String requestId = envelope.get().requestId();
        Class<?> type = CLIENT_TYPES.get(envelope.get().type());
        if (type == null) {
            return new Decoded.Refused(SignalingErrorCode.UNKNOWN_TYPE, requestId);
        }
        if (!membersHaveTheirTypes(type, object)) {
            return new Decoded.Refused(SignalingErrorCode.INVALID_MESSAGE, requestId);
        }
        try {
            // The concrete record, without the type key: no reliance on where the client put "type".
            JsonObject members = BUILDERS.createObjectBuilder(object).remove("type").build();
            return new Decoded.Message((ClientMessage) JSONB.fromJson(members.toString(), type));
        } catch (RuntimeException e) {
            return new Decoded.Refused(SignalingErrorCode.INVALID_MESSAGE, requestId);
        }
    }

    private static boolean membersHaveTheirTypes(Class<?> type, JsonObject object) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonValue value = object.get(component.getName());
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL
                    && !hasJsonType(component.getGenericType(), value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasJsonType(java.lang.reflect.Type declared, JsonValue value) {
        if (declared instanceof java.lang.reflect.ParameterizedType list
                && list.getRawType() == java.util.List.class) {
            // A list of records (candidates): an array whose every element has the element's types.
            java.lang.reflect.Type element = list.getActualTypeArguments()[0];
            return value instanceof jakarta.json.JsonArray array
                    && array.stream().allMatch(item -> item.getValueType() != JsonValue.ValueType.NULL
                    && hasJsonType(element, item));
        }
        if (!(declared instanceof Class<?> type)) {
            return false;
        }
        if (type == String.class || type == UUID.class) {
            return value instanceof JsonString;
        }
        if (type == Boolean.class || type == boolean.class) {
            return value == JsonValue.TRUE || value == JsonValue.FALSE
                    || value.getValueType() == JsonValue.ValueType.TRUE
                    || value.getValueType() == JsonValue.ValueType.FALSE;
        }
        if (type == Integer.class || type == int.class) {
            if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                return false;
            }
            try {
                number.intValueExact();
                return true;
            } catch (ArithmeticException e) {
                return false;
            }
        }
        if (type.isRecord()) {
            return value instanceof JsonObject nested && membersHaveTheirTypes(type, nested);
        }
        return false;
    }

    /**
     * The envelope of a client's text frame, or empty unless the frame is exactly one JSON object whose
     * {@code type} is a string and whose {@code requestId}, if present, is a string. The frame is read with a strict
     * parser first: JSON-B alone accepts trailing text after the object and turns {@code "type":42} into "42", and a
     * frame that means different things to different readers is refused instead.
     */
    static Optional<ClientEnvelope> envelope(String text) {
        JsonObject object = oneObject(text);
        return object == null ? Optional.empty() : envelope(object);
    }

    private static Optional<ClientEnvelope> envelope(JsonObject object) {
        if (!(object.get("type") instanceof JsonString type)) {
            return Optional.empty();
        }
        JsonValue requestId = object.getOrDefault("requestId", JsonValue.NULL);
        if (requestId instanceof JsonString id) {
            return Optional.of(new ClientEnvelope(type.getString(), id.getString()));
        }
        return requestId == JsonValue.NULL || requestId.getValueType() == JsonValue.ValueType.NULL
                ? Optional.of(new ClientEnvelope(type.getString(), null))
                : Optional.empty();
    }

    private static JsonObject oneObject(String text) {
        if (text == null) {
            return null;
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return null;
            }
            // Not skipObject(): Parsson's skipping loops forever on a truncated object such as "{".
            JsonObject object = parser.getObject();
            return parser.hasNext() ? null : object;
        } catch (RuntimeException e) {
            // JsonException, IllegalStateException, NoSuchElementException, and the plain RuntimeException Parsson
            // throws past its nesting limit: whatever the parser says of a frame, the frame is malformed.
            return null;
        }
    }
}
