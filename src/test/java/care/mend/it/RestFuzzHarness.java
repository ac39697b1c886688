package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST fuzzer ({@code mvn -Pfuzz verify}): every operation of the server's own OpenAPI document, called
 * {@code mend.fuzz.requests} times in all (default 3,000) by each role and by nobody, with path ids real, random or
 * absurd, query parameters of every shape, and bodies built from the operation's schema — each member of its type,
 * of another type, missing, nested thousands deep, 100 KB long, with NULs, lone surrogates and line separators — or not
 * JSON at all, in the wrong media type, or over the size limit. It prints requests sent and answers by status and
 * code, and asserts what must never happen: a 5xx, an error that is not {@code application/problem+json} with a
 * {@code code}, an ERROR line or stack trace in the server log. Figures go to {@code target/fuzz/rest.txt}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("fuzz")
class RestFuzzHarness {

    private static final int REQUESTS = Integer.getInteger("mend.fuzz.requests", 3_000);
    private static final List<String> USERS = List.of("admin", "supervisor", "facilitator", "patient1", "");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    record Operation(String method, String path, JsonObject schema) {
    }

    @Test
    void fuzz() throws Exception {
        Api api = Api.of(url);
        AccessFixture fixture = AccessFixture.on(api);
        JsonObject openapi = api.as("admin").accepting("application/json").get("/openapi?format=JSON").json();
        JsonObject components = openapi.getJsonObject("components").getJsonObject("schemas");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : openapi.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
                JsonObject body = op.getValue().asJsonObject().getJsonObject("requestBody");
                JsonObject schema = body == null ? null
                        : body.getJsonObject("content").values().iterator().next().asJsonObject().getJsonObject("schema");
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), schema));
            }
        }
        List<String> realIds = List.of(fixture.site1, fixture.group1, fixture.session1, fixture.patient1,
                fixture.program1);
        Random random = new Random(20261202L);
        Bodies bodies = new Bodies(random, components);
        Path log = Path.of(System.getProperty("mend.server.dir"), "standalone", "log", "server.log");
        Map<String, Integer> answers = new TreeMap<>();
        List<String> faults = new ArrayList<>();
        Map<String, Api> callers = new java.util.HashMap<>();

        try (ServerProcess server = ServerProcess.find(Path.of(System.getProperty("mend.server.dir")))) {
            long heapBefore = server.heapAfterGc();
            long logFrom = Files.size(log);
            long started = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                Operation op = operations.get(random.nextInt(operations.size()));
                String user = USERS.get(random.nextInt(USERS.size()));
                Api caller = callers.computeIfAbsent(user, u -> u.isEmpty() ? api : api.as(u));
                if (i % 200 == 0) {
                    callers.clear(); // tokens live five minutes
                }
                String path = fill(op.path(), random, realIds) + query(random);
                String contentType = random.nextInt(20) == 0
                        ? List.of("text/plain", "application/xml", "application/json; charset=latin1", "application/x-www-form-urlencoded").get(random.nextInt(4))
                        : "application/json";
                String body = op.schema() == null && random.nextInt(4) != 0 ? null : bodies.body(op.schema());
                HttpResult result = body == null
                        ? caller.send(op.method(), path, "application/json", java.net.http.HttpRequest.BodyPublishers.noBody())
                        : caller.send(op.method(), path, contentType, body);
                String key = result.status() + " " + (result.status() >= 400 ? result.problemCode() : "");
                answers.merge(key.trim(), 1, Integer::sum);
                boolean problem = result.contentType() != null && result.contentType().startsWith("application/problem+json")
                        && result.problemCode() != null;
                if (result.status() >= 500 || (result.status() >= 400 && !problem)) {
                    faults.add(op.method() + " " + path + " as " + (user.isEmpty() ? "nobody" : user) + " → "
                            + abbreviate(result.toString()) + " for " + abbreviate(String.valueOf(body)));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long heapAfter = server.heapAfterGc();
            SignalingFuzzHarness.LogLines lines = SignalingFuzzHarness.LogLines.of(log, logFrom);
            String report = String.format(Locale.ROOT, """
                    REST fuzz: %d requests over %d operations in %.0f s, %d faults (5xx, or an error not problem+json)
                    answers by status and code: %s
                    server log meanwhile: %d ERROR, %d WARN, %d stack-trace lines
                    server heap after GC: %.1f MB before, %.1f MB after
                    """, REQUESTS, operations.size(), seconds, faults.size(), answers, lines.errors(),
                    lines.warnings(), lines.stackTraces(), heapBefore / 1e6, heapAfter / 1e6);
            System.out.println(report);
            faults.stream().limit(20).forEach(f -> System.out.println("fault: " + f));
            Path out = Path.of("target", "fuzz");
            Files.createDirectories(out);
            Files.writeString(out.resolve("rest.txt"), report + String.join("\n", faults));
            assertThat(faults).as("faults").isEmpty();
            assertThat(lines.errors()).as("ERROR lines").isZero();
            assertThat(lines.stackTraces()).as("stack-trace lines").isZero();
        }
    }

    private static String fill(String template, Random random, List<String> realIds) {
        StringBuilder b = new StringBuilder();
        int from = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
            b.append(template, from, open);
            int close = template.indexOf('}', open);
            String id = switch (random.nextInt(8)) {
                case 0, 1, 2, 3 -> realIds.get(random.nextInt(realIds.size()));
                case 4 -> UUID.randomUUID().toString();
                case 5 -> "x";
                case 6 -> URLEncoder.encode("../../" + "a".repeat(random.nextInt(3000)), StandardCharsets.UTF_8);
                default -> URLEncoder.encode(List.of("%00", "\u0000", "\ud83d\ude00", "-1", "0", "null", " ")
                        .get(random.nextInt(7)), StandardCharsets.UTF_8);
            };
            b.append(id);
            from = close + 1;
        }
        return b.append(template.substring(from)).toString();
    }

    private static String query(Random random) {
        if (random.nextInt(3) != 0) {
            return "";
        }
        String name = List.of("page", "size", "from", "to", "status", "groupId", "activeOn", "patientId", "siteId",
                "kind", "active", "idpSubject", "format", "outcome").get(random.nextInt(14));
        String value = List.of("-1", "0", "201", "99999999999999999999", "x", "2026-02-30", "2026-13-01", "true", "",
                "%00", "%E2%80%A8", "A".repeat(5000), "DROP%20TABLE", "1e9", "PRESENT").get(random.nextInt(15));
        return "?" + name + "=" + value + (random.nextBoolean() ? "&" + name + "=" + value : "");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Bodies from an operation's schema: each member of its type, of another, absent, or absurd. */
    static final class Bodies {
        private final Random random;
        private final JsonObject components;

        Bodies(Random random, JsonObject components) {
            this.random = random;
            this.components = components;
        }

        String body(JsonObject schema) {
            return switch (random.nextInt(20)) {
                case 0 -> "{";
                case 1 -> "[]";
                case 2 -> "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
                case 3 -> "{\"name\":\"" + "x".repeat(1_100_000) + "\"}"; // over the 1 MiB limit: 413
                case 4 -> "not json at all";
                case 5 -> "";
                default -> value(schema, 0);
            };
        }

        private String value(JsonObject schema, int depth) {
            if (schema == null || depth > 6) {
                return any();
            }
            if (schema.containsKey("$ref")) {
                String ref = schema.getString("$ref");
                return value(components.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1)), depth + 1);
            }
            if (random.nextInt(6) == 0) {
                return any(); // of another type
            }
            String type = schema.getString("type", "object");
            switch (type) {
                case "object" -> {
                    JsonObject properties = schema.getJsonObject("properties");
                    StringBuilder b = new StringBuilder("{");
                    if (properties != null) {
                        for (Map.Entry<String, JsonValue> p : properties.entrySet()) {
                            if (random.nextInt(8) == 0) {
                                continue; // missing
                            }
                            b.append(b.length() > 1 ? "," : "").append('"').append(p.getKey()).append("\":")
                                    .append(value(p.getValue().asJsonObject(), depth + 1));
                        }
                    }
                    return b.append('}').toString();
                }
                case "array" -> {
                    StringBuilder b = new StringBuilder("[");
                    int n = random.nextInt(random.nextInt(10) == 0 ? 500 : 4);
                    for (int i = 0; i < n; i++) {
                        b.append(i == 0 ? "" : ",").append(value(schema.getJsonObject("items"), depth + 1));
                    }
                    return b.append(']').toString();
                }
                case "integer", "number" -> {
                    return List.of("0", "1", "-1", "12", "13", "180", "2147483648", "1e308", "0.5", "-0",
                            "99999999999999999999").get(random.nextInt(11));
                }
                case "boolean" -> {
                    return random.nextBoolean() ? "true" : "false";
                }
                default -> {
                    if (schema.containsKey("enum")) {
                        List<JsonValue> values = schema.getJsonArray("enum");
                        return random.nextInt(4) == 0 ? "\"NOT_A_VALUE\"" : values.get(random.nextInt(values.size())).toString();
                    }
                    String format = schema.getString("format", "");
                    return switch (format) {
                        case "date" -> "\"" + List.of("2026-12-02", "2026-02-30", "0000-01-01", "+999999-01-01", "12/02/2026")
                                .get(random.nextInt(5)) + "\"";
                        case "date-time" -> "\"" + List.of("2026-12-02T10:00:00Z", "2026-12-02T25:00:00Z", "yesterday")
                                .get(random.nextInt(3)) + "\"";
                        case "uuid" -> "\"" + (random.nextBoolean() ? UUID.randomUUID() : "not-a-uuid") + "\"";
                        default -> text();
                    };
                }
            }
        }

        private String text() {
            return "\"" + List.of("Fuzz", "", " ", "\\u0000", "a\\u0000b", "\\ud800", "\\udfff", "line\\u2028sep",
                    "\\u202eevil", "\\ud83d\\ude00 ok", "x".repeat(100_000), "<b>bold</b>", "Ana",
                    "America/Chicago", "Not/AZone", "MONDAY", "18:00", "25:61", "\\t", "\\n").get(random.nextInt(20)) + "\"";
        }

        private String any() {
            return List.of("null", "true", "0", "-1", "1e308", "3.5", "[]", "{}", "\"s\"", "[1,\"a\",null]",
                    "{\"x\":{\"y\":[]}}").get(random.nextInt(11));
        }
    }
}
