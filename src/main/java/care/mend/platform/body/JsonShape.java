package care.mend.platform.body;

import care.mend.platform.problem.Problem;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Whether a parsed JSON document has, value by value, the JSON type that the Java type it is bound to declares.
 * JSON-B (Yasson) is lenient where a clinical record must not be: it reads {@code "yes"}, {@code 1} and
 * {@code 1e308} as {@code false} for a boolean and {@code 1} as {@code "1"} for a string. This check runs before
 * binding and names each offending field ({@code body.schedule.slots[0].lengthMinutes}, the paths that Bean
 * Validation's errors use) with what it must be, never with what it was.
 *
 * <p>What it knows: strings ({@code String}, {@code char}), booleans, whole numbers (in the range of their Java type,
 * {@code 1.0} and {@code 1e2} included) and other numbers; enums (a string naming a constant); the JDK's value types
 * that JSON-B writes as strings ({@code UUID}, {@code java.time}, {@code ZoneId} ...); arrays and collections, maps,
 * {@code Optional}; records, member by member (the JSON-B name: {@code @JsonbProperty} or the component's name).
 * Other classes must be objects; their members, a type or member with its own JSON-B adapter or deserializer, and
 * {@code Object} or {@code JsonValue} are left to JSON-B. {@code null} is left to Bean Validation, except for
 * primitives. Unknown members are ignored, as JSON-B ignores them.
 */
public final class JsonShape {

    /** Enough to fix a request; a body with thousands of wrong values does not get thousands of errors. */
    static final int MAX_ERRORS = 20;

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private JsonShape() {
    }

    /**
     * The values of {@code json} that do not have the JSON type {@code type} expects there, at most
     * {@value #MAX_ERRORS}, each under its path from {@code root}; empty if the document fits.
     */
    public static List<Problem.FieldError> mismatches(JsonValue json, Type type, String root) {
        JsonShape shape = new JsonShape();
        shape.check(json, type, root);
        return List.copyOf(shape.errors);
    }

    private void check(JsonValue value, Type type, String path) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            checkParameterized(value, parameterized, path);
        } else if (type instanceof GenericArrayType array) {
            checkArray(value, array.getGenericComponentType(), path);
        } else if (type instanceof Class<?> raw) {
            checkClass(value, raw, path);
        }
        // Type variables and wildcards: nothing declared to check against.
    }

    private void checkParameterized(JsonValue value, ParameterizedType type, String path) {
        Class<?> raw = (Class<?>) type.getRawType();
        Type[] arguments = type.getActualTypeArguments();
        if (Collection.class.isAssignableFrom(raw)) {
            checkArray(value, arguments[0], path);
        } else if (Map.class.isAssignableFrom(raw)) {
            if (isNull(value)) {
                return;
            }
            if (!(value instanceof JsonObject object)) {
                fail(path, "must be an object");
                return;
            }
            // Keys are the client's text: the path names the map, not the key.
            object.values().forEach(member -> check(member, arguments[1], path));
        } else if (raw == Optional.class) {
            check(value, arguments[0], path);
        } else {
            checkClass(value, raw, path);
        }
    }

    private void checkArray(JsonValue value, Type element, String path) {
        if (isNull(value)) {
            return;
        }
        if (!(value instanceof JsonArray array)) {
            fail(path, "must be an array");
            return;
        }
        for (int i = 0; i < array.size() && errors.size() < MAX_ERRORS; i++) {
            check(array.get(i), element, path + "[" + i + "]");
        }
    }

    private void checkClass(JsonValue value, Class<?> type, String path) {
        if (type == Object.class || type == Optional.class || JsonValue.class.isAssignableFrom(type)
                || hasOwnBinding(type)) {
            return;
        }
        if (isNull(value)) {
            if (type.isPrimitive()) {
                fail(path, "must not be null");
            }
            return;
        }
        if (type.isArray()) {
            checkArray(value, type.getComponentType(), path);
        } else if (Collection.class.isAssignableFrom(type)) {
            checkArray(value, Object.class, path);
        } else if (type == boolean.class || type == Boolean.class) {
            expect(value == JsonValue.TRUE || value == JsonValue.FALSE, path, "must be true or false");
        } else if (type == String.class || type == char.class || type == Character.class
                || type == CharSequence.class) {
            expect(value instanceof JsonString, path, "must be a string");
        } else if (type.isEnum()) {
            checkEnum(value, type, path);
        } else if (isWholeNumber(type)) {
            checkWholeNumber(value, type, path);
        } else if (isNumber(type)) {
            expect(value instanceof JsonNumber, path, "must be a number");
        } else if (type.isRecord()) {
            checkRecord(value, type, path);
        } else if (type.getName().startsWith("java.") && !Map.class.isAssignableFrom(type)) {
            // UUID, LocalDate, LocalTime, Instant, ZoneId, Duration, URI ...: JSON-B reads them from strings.
            expect(value instanceof JsonString, path, "must be a string");
        } else {
            expect(value instanceof JsonObject, path, "must be an object");
        }
    }

    private void checkRecord(JsonValue value, Class<?> type, String path) {
        if (!(value instanceof JsonObject object)) {
            fail(path, "must be an object");
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (errors.size() >= MAX_ERRORS) {
                return;
            }
            if (annotated(component, JsonbTransient.class) || hasOwnBinding(component)) {
                continue;
            }
            String name = propertyName(component);
            if (object.containsKey(name)) {
                check(object.get(name), component.getGenericType(), path + "." + name);
            }
        }
    }

    private void checkEnum(JsonValue value, Class<?> type, String path) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        if (!(value instanceof JsonString string) || !names.contains(string.getString())) {
            fail(path, "must be one of " + names.stream().collect(Collectors.joining(", ")));
        }
    }

    private void checkWholeNumber(JsonValue value, Class<?> type, String path) {
        BigDecimal[] range = rangeOf(type);
        String expected = range == null ? "must be a whole number"
                : "must be a whole number from " + range[0].toPlainString() + " to " + range[1].toPlainString();
        if (!(value instanceof JsonNumber number)) {
            fail(path, expected);
            return;
        }
        BigDecimal decimal = number.bigDecimalValue();
        // Range first: it compares exponents, so 1e999999999 costs nothing; stripping zeros is then cheap too.
        boolean inRange = range == null || decimal.compareTo(range[0]) >= 0 && decimal.compareTo(range[1]) <= 0;
        expect(inRange && decimal.stripTrailingZeros().scale() <= 0, path, expected);
    }

    private static BigDecimal[] rangeOf(Class<?> type) {
        if (type == byte.class || type == Byte.class) {
            return new BigDecimal[] {BigDecimal.valueOf(Byte.MIN_VALUE), BigDecimal.valueOf(Byte.MAX_VALUE)};
        }
        if (type == short.class || type == Short.class) {
            return new BigDecimal[] {BigDecimal.valueOf(Short.MIN_VALUE), BigDecimal.valueOf(Short.MAX_VALUE)};
        }
        if (type == int.class || type == Integer.class || type == OptionalInt.class) {
            return new BigDecimal[] {BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE)};
        }
        if (type == long.class || type == Long.class || type == OptionalLong.class) {
            return new BigDecimal[] {LONG_MIN, LONG_MAX};
        }
        return null; // BigInteger
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == byte.class || type == Byte.class || type == short.class || type == Short.class
                || type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == BigInteger.class || type == OptionalInt.class || type == OptionalLong.class;
    }

    private static boolean isNumber(Class<?> type) {
        return type == double.class || type == float.class || Number.class.isAssignableFrom(type)
                || type == OptionalDouble.class;
    }

    private static String propertyName(RecordComponent component) {
        JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
        if (property == null) {
            property = component.getAnnotation(JsonbProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static boolean hasOwnBinding(AnnotatedElement element) {
        return annotated(element, JsonbTypeAdapter.class) || annotated(element, JsonbTypeDeserializer.class);
    }

    private static boolean annotated(AnnotatedElement element,
                                     Class<? extends java.lang.annotation.Annotation> annotation) {
        if (element.isAnnotationPresent(annotation)) {
            return true;
        }
        // A record component's annotations are found on its accessor and field, depending on their targets.
        return element instanceof RecordComponent component
                && component.getAccessor().isAnnotationPresent(annotation);
    }

    private static boolean isNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    private void expect(boolean condition, String path, String message) {
        if (!condition) {
            fail(path, message);
        }
    }

    private void fail(String path, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new Problem.FieldError(path, message));
        }
    }
}
