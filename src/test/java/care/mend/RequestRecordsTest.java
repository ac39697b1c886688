package care.mend;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.platform.PlainText;
import care.mend.security.ReadAccess;
import care.mend.security.WriteAccess;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every REST resource and request record must have, checked on the compiled classes so that a new endpoint or
 * field cannot forget it: a write decided before its body is read ({@link WriteAccess}), a read decided before its
 * parameters are ({@link ReadAccess}), and text fields that refuse control characters ({@link PlainText}).
 */
class RequestRecordsTest {

    private static final List<Class<? extends Annotation>> NOT_THE_BODY = List.of(PathParam.class,
            QueryParam.class, HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class,
            BeanParam.class, Context.class);

    static List<Class<?>> resources() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, RequestRecordsTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        resources.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable without the server (none of these is a resource)
                }
            }
        }
        return resources;
    }

    private static boolean isWrite(Method method) {
        return method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                || method.isAnnotationPresent(DELETE.class) || method.isAnnotationPresent(PATCH.class);
    }

    @Test
    void everyWriteIsDecidedBeforeItsBodyIsRead() throws IOException {
        List<String> writes = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!isWrite(method)) {
                    continue;
                }
                String name = resource.getName() + "." + method.getName();
                writes.add(name);
                if (!method.isAnnotationPresent(WriteAccess.class) || method.isAnnotationPresent(ReadAccess.class)) {
                    undecided.add(name);
                }
            }
        }
        assertThat(writes).hasSizeGreaterThan(20);
        assertThat(undecided).as("writes without @WriteAccess (or with @ReadAccess)").isEmpty();
    }

    @Test
    void everyReadIsDecidedBeforeItsParametersAreRead() throws IOException {
        List<String> reads = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(GET.class)) {
                    continue;
                }
                String name = resource.getName() + "." + method.getName();
                reads.add(name);
                if (!method.isAnnotationPresent(ReadAccess.class) || method.isAnnotationPresent(WriteAccess.class)) {
                    undecided.add(name);
                }
            }
        }
        assertThat(reads).hasSizeGreaterThan(20);
        assertThat(undecided).as("reads without @ReadAccess (or with @WriteAccess)").isEmpty();
    }

    @Test
    void everyTextFieldOfARequestBodyIsPlainText() throws IOException {
        Set<Class<?>> bodies = new HashSet<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (Stream.of(method.getAnnotations()).noneMatch(a -> a.annotationType()
                        .isAnnotationPresent(jakarta.ws.rs.HttpMethod.class))) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    if (NOT_THE_BODY.stream().noneMatch(parameter::isAnnotationPresent)) {
                        collectRecords(parameter.getAnnotatedType(), bodies);
                    }
                }
            }
        }
        List<String> unchecked = new ArrayList<>();
        int texts = 0;
        for (Class<?> body : bodies) {
            for (RecordComponent component : body.getRecordComponents()) {
                List<AnnotatedType> strings = new ArrayList<>();
                collectStrings(component.getAnnotatedType(), strings);
                for (AnnotatedType string : strings) {
                    texts++;
                    boolean plain = string.isAnnotationPresent(PlainText.class)
                            || string == component.getAnnotatedType()
                            && component.getAccessor().isAnnotationPresent(PlainText.class);
                    if (!plain) {
                        unchecked.add(body.getName() + "." + component.getName());
                    }
                }
            }
        }
        assertThat(bodies).extracting(Class::getSimpleName).contains("CreateGroupRequest", "EmergencyContactBody",
                "Excuse", "ScheduleBody");
        assertThat(texts).isGreaterThan(20);
        assertThat(unchecked).as("String components without @PlainText").isEmpty();
    }

    /** The records a body type is made of: itself, its components' records, their collections' elements. */
    private static void collectRecords(AnnotatedType type, Set<Class<?>> records) {
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                collectRecords(argument, records);
            }
        }
        if (type.getType() instanceof Class<?> raw && raw.isRecord() && records.add(raw)) {
            for (RecordComponent component : raw.getRecordComponents()) {
                collectRecords(component.getAnnotatedType(), records);
            }
        }
    }

    /** The {@code String}s a component holds: itself, or the elements of its collections. */
    private static void collectStrings(AnnotatedType type, List<AnnotatedType> strings) {
        if (type.getType() == String.class) {
            strings.add(type);
        } else if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                collectStrings(argument, strings);
            }
        }
    }
}
