package care.mend.room.signaling;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a client's text frame into a {@link ClientMessage}, or says precisely why not, with a stable code: too large,
 * not one JSON object with a string {@code type}, an unknown type, or a field missing, mistyped or out of range.
 * Never throws; the detail names fields, never echoes the client's values.
 */
final class ClientMessageCodec {

    /** 64 KiB: enough for an SDP offer with many candidates. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    /** The aliases of {@link ClientMessage}, read from its one declaration. */
    static final Set<String> TYPES = Arrays.stream(ClientMessage.class.getAnnotation(JsonbTypeInfo.class).value())
            .map(JsonbSubtype::alias).collect(Collectors.toUnmodifiableSet());

    private static final java.util.Map<String, Class<?>> TYPE_BY_ALIAS = Arrays.stream(
                    ClientMessage.class.getAnnotation(JsonbTypeInfo.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonbSubtype::alias, JsonbSubtype::type));

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** The outcome of reading one frame. */
    sealed interface Decoded {
        /** A well-formed, valid message. */
        record Message(ClientMessage message) implements Decoded {
        }

        /** A refusal: answer with an {@code error} of this code; the connection stays open, nothing changes. */
        record Refused(SignalingErrorCode code, String requestId, String detail) implements Decoded {
        }
    }

    private final Validator validator;

    ClientMessageCodec(Validator validator) {
        this.validator = validator;
    }

    Decoded decode(String text) {
        if (text == null || text.length() > MAX_FRAME_BYTES
                || text.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES) {
            return new Decoded.Refused(SignalingErrorCode.FRAME_TOO_LARGE, null, "at most " + MAX_FRAME_BYTES
                    + " bytes");
        }
        Optional<ClientEnvelope> envelope = SignalingJson.envelope(text);
        if (envelope.isEmpty()) {
            return new Decoded.Refused(SignalingErrorCode.MALFORMED_MESSAGE, null, null);
        }
        String requestId = envelope.get().requestId();
        if (!TYPES.contains(envelope.get().type())) {
            return new Decoded.Refused(SignalingErrorCode.UNKNOWN_TYPE, requestId, null);
        }
        Class<?> target = TYPE_BY_ALIAS.get(envelope.get().type());
        Optional<String> mistyped = mistypedMember(text, target);
        if (mistyped.isPresent()) {
            return new Decoded.Refused(SignalingErrorCode.INVALID_FIELD, requestId, mistyped.get()
                    + ": wrong type");
        }
        ClientMessage message;
        try {
            message = JSONB.fromJson(text, ClientMessage.class);
        } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
            return new Decoded.Refused(SignalingErrorCode.INVALID_FIELD, requestId, "a field has the wrong type");
        }
        Set<ConstraintViolation<ClientMessage>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            Set<String> fields = new TreeSet<>();
            violations.forEach(v -> fields.add(v.getPropertyPath() + ": " + v.getMessage()));
            return new Decoded.Refused(SignalingErrorCode.INVALID_FIELD, requestId, String.join("; ", fields));
        }
        return new Decoded.Message(message);
    }

    /**
     * The first member whose JSON type does not fit its record component: JSON-B alone would read {@code "yes"} as
     * {@code false} and {@code 42} as {@code "42"}, and a value that means something else to us than to the client
     * is refused instead. {@code null} is left to Bean Validation.
     */
    private static Optional<String> mistypedMember(String text, Class<?> target) {
        jakarta.json.JsonObject object;
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            object = reader.readObject();
        } catch (RuntimeException e) {
            return Optional.of("message");
        }
        for (java.lang.reflect.RecordComponent component : target.getRecordComponents()) {
            jakarta.json.JsonValue value = object.get(component.getName());
            if (value == null || value.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
                continue;
            }
            Class<?> type = component.getType();
            boolean fits;
            if (type == String.class || type == java.util.UUID.class) {
                fits = value.getValueType() == jakarta.json.JsonValue.ValueType.STRING;
            } else if (type == Boolean.class || type == boolean.class) {
                fits = value == jakarta.json.JsonValue.TRUE || value == jakarta.json.JsonValue.FALSE;
            } else if (type == Integer.class || type == int.class) {
                fits = value instanceof jakarta.json.JsonNumber number && number.isIntegral();
            } else {
                fits = true;
            }
            if (!fits) {
                return Optional.of(component.getName());
            }
        }
        return Optional.empty();
    }

    static String encode(ClientMessage message) {
        return JSONB.toJson(message);
    }
}
