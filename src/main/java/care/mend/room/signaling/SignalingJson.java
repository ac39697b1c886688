package care.mend.room.signaling;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.NoSuchElementException;
import java.util.Optional;

/** JSON-B for the signaling socket: messages are records, never JSON assembled by hand. */
final class SignalingJson {

    // Jsonb instances are thread-safe and costly to build: one for the application.
    private static final Jsonb JSONB = JsonbBuilder.create();

    private SignalingJson() {
    }

    static String encode(ServerMessage message) {
        return JSONB.toJson(message);
    }

    static ServerMessage decodeServerMessage(String json) {
        return JSONB.fromJson(json, ServerMessage.class);
    }

    /**
     * The envelope of a client's text frame, or empty unless the frame is exactly one JSON object whose
     * {@code type} is a string and whose {@code requestId}, if present, is a string. The frame is read with a strict
     * parser first: JSON-B alone accepts trailing text after the object and turns {@code "type":42} into "42", and a
     * frame that means different things to different readers is refused instead.
     */
    static Optional<ClientEnvelope> envelope(String text) {
        JsonObject object = oneObject(text);
        if (object == null || !(object.get("type") instanceof JsonString type)) {
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
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return null;
            }
            // Not skipObject(): Parsson's skipping loops forever on a truncated object such as "{".
            JsonObject object = parser.getObject();
            return parser.hasNext() ? null : object;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            return null;
        }
    }
}
