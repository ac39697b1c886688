package care.mend.platform.body;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.Problem;
import care.mend.platform.problem.ProblemCode;
import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads every JSON request body of the API, in place of RESTEasy's JSON-B reader: the body is parsed (duplicate
 * members refused), checked against the declared type by {@link JsonShape}, and only then bound by JSON-B. So
 * {@code "autoAdmit":"yes"} is a 400 {@code MALFORMED_BODY} naming {@code body.autoAdmit} instead of a silent
 * {@code false}, and no resource or record needs a check of its own. An empty body is {@code null}, as before
 * (Bean Validation's {@code @NotNull} refuses it where a body is required); the bytes come through
 * {@link BodySizeLimit}'s bounded stream. Responses are still written by RESTEasy's JSON-B provider.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
// Before RESTEasy's own JSON-B reader, which has USER - 100.
@Priority(Priorities.USER - 200)
public class StrictJsonReader implements MessageBodyReader<Object> {

    private static final String NOT_JSON = "The request body is not valid JSON";

    private final Jsonb jsonb;
    private final JsonReaderFactory readers;

    public StrictJsonReader() {
        this(JsonbBuilder.create());
    }

    StrictJsonReader(Jsonb jsonb) {
        this.jsonb = jsonb;
        // A member given twice is refused, so that what is checked is what is bound.
        this.readers = Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        // Raw bodies and JSON-P values keep their own readers.
        return !(type == String.class || type == byte[].class || InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type) || JsonValue.class.isAssignableFrom(type));
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream)
            throws java.io.IOException {
        byte[] body = entityStream.readAllBytes();
        return body.length == 0 ? null : read(body, genericType);
    }

    /**
     * The body as one JSON value. Two passes over at most the size limit: the streaming parser finds text after the
     * value (the tree reader stops at its end, and so would JSON-B), the tree reader finds members given twice (the
     * streaming parser keeps the last, and so would JSON-B).
     */
    private JsonValue parse(byte[] body) {
        try {
            try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
                while (parser.hasNext()) {
                    parser.next();
                }
            }
            try (JsonReader reader = readers.createReader(new ByteArrayInputStream(body))) {
                return reader.readValue();
            }
        } catch (RuntimeException e) {
            // JsonException, IllegalStateException, NoSuchElementException, and the plain RuntimeException Parsson
            // throws past its nesting limit (1,000 levels). The parser's message quotes the input: it is not passed on.
            throw new MendException(ProblemCode.MALFORMED_BODY, NOT_JSON);
        }
    }

    /** The body bound to {@code type}, or a {@link MendException} saying (without quoting it) what is wrong. */
    Object read(byte[] body, Type type) {
        JsonValue json = parse(body);
        List<Problem.FieldError> mismatches = JsonShape.mismatches(json, type, "body");
        if (!mismatches.isEmpty()) {
            throw new MendException(ProblemCode.MALFORMED_BODY,
                    "The request body has values of the wrong JSON type", mismatches);
        }
        // JSON-B's own failures (a date that is no date) are JsonbExceptions, mapped to MALFORMED_BODY.
        return jsonb.fromJson(new ByteArrayInputStream(body), type);
    }
}
