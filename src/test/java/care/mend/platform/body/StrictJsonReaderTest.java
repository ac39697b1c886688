package care.mend.platform.body;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.MendAssertions;
import care.mend.attendance.AmendmentRequest;
import care.mend.attendance.SignOffRequest;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.Problem;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.CreatePatientRequest;
import care.mend.program.UpdateSiteRequest;
import care.mend.schedule.CreateGroupRequest;
import care.mend.schedule.UpdateGroupRequest;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The API's JSON reader on the real request records with Yasson: values of the wrong JSON type are refused with
 * {@code MALFORMED_BODY} naming the field (and never quoting the value); the right types are bound as before.
 */
class StrictJsonReaderTest {

    private static final StrictJsonReader READER = new StrictJsonReader(JsonbBuilder.create());

    private static final String GROUP = """
            {"name":"Evening group","programId":"%s","capacity":12,"autoAdmit":%s,
             "schedule":{"timeZone":"America/Chicago","slots":[
               {"dayOfWeek":"MONDAY","startTime":"18:00","lengthMinutes":180}]},
             "facilitatorIds":["%s"]}""";

    private static String group(String autoAdmit) {
        return GROUP.formatted(UUID.randomUUID(), autoAdmit, UUID.randomUUID());
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(String json, Type type) throws Exception {
        Class<Object> raw = (Class<Object>) (type instanceof Class<?> c ? c : Object.class);
        return (T) READER.readFrom(raw, type, new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new jakarta.ws.rs.core.MultivaluedHashMap<>(),
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static MendException refused(String json, Type type) {
        return MendAssertions.assertRefused(() -> read(json, type), ProblemCode.MALFORMED_BODY);
    }

    private static Map<String, String> errors(String json, Type type) {
        MendException e = refused(json, type);
        return e.fieldErrors().stream().collect(java.util.stream.Collectors.toMap(Problem.FieldError::field,
                Problem.FieldError::message));
    }

    @Test
    void aBooleanMustBeTrueOrFalse() {
        for (String wrong : List.of("\"yes\"", "\"true\"", "1", "0", "1e308", "[]", "{}")) {
            assertThat(errors(group(wrong), CreateGroupRequest.class)).as(wrong)
                    .containsExactly(Map.entry("body.autoAdmit", "must be true or false"));
        }
    }

    @Test
    void theRightTypesAreBoundAsBefore() throws Exception {
        CreateGroupRequest request = read(group("true"), CreateGroupRequest.class);

        assertThat(request.autoAdmit()).isTrue();
        assertThat(request.capacity()).isEqualTo(12);
        assertThat(request.schedule().slots().get(0).dayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(request.schedule().slots().get(0).startTime()).isEqualTo(LocalTime.of(18, 0));
        assertThat(((CreateGroupRequest) read(group("null"), CreateGroupRequest.class)).autoAdmit()).isNull();
        assertThat(((CreateGroupRequest) read(group("false"), CreateGroupRequest.class)).autoAdmit()).isFalse();
    }

    @Test
    void textMustBeAString() throws Exception {
        String patient = """
                {"idpSubject":"sub-1","displayName":%s,"emergencyContact":{"name":%s,"phone":"+1 555 0100"}}""";

        assertThat(errors(patient.formatted("1", "true"), CreatePatientRequest.class)).containsOnly(
                Map.entry("body.displayName", "must be a string"),
                Map.entry("body.emergencyContact.name", "must be a string"));
        assertThat(errors(patient.formatted("[\"Dana\"]", "{\"first\":\"Lee\"}"), CreatePatientRequest.class))
                .containsOnlyKeys("body.displayName", "body.emergencyContact.name");
        CreatePatientRequest right = read(patient.formatted("\"Dana\"", "\"Lee\""), CreatePatientRequest.class);
        assertThat(right.displayName()).isEqualTo("Dana");
        assertThat(right.emergencyContact().name()).isEqualTo("Lee");
    }

    @Test
    void wholeNumbersAreWholeAndInRange() {
        String group = group("false");
        for (String wrong : List.of("\"12\"", "12.5", "1e308", "-1e400", "2147483648", "true")) {
            assertThat(errors(group.replace("\"capacity\":12", "\"capacity\":" + wrong), CreateGroupRequest.class))
                    .as(wrong).containsExactly(Map.entry("body.capacity",
                            "must be a whole number from -2147483648 to 2147483647"));
        }
        assertThat(errors(group.replace("\"lengthMinutes\":180", "\"lengthMinutes\":\"180\""),
                CreateGroupRequest.class)).containsOnlyKeys("body.schedule.slots[0].lengthMinutes");
    }

    @Test
    void wholeNumbersWrittenWithAFractionOrAnExponentAreAccepted() throws Exception {
        String group = group("false");

        CreateGroupRequest exponent = read(group.replace("\"capacity\":12", "\"capacity\":1.2e1"),
                CreateGroupRequest.class);
        CreateGroupRequest point = read(group.replace("\"capacity\":12", "\"capacity\":12.0"),
                CreateGroupRequest.class);

        assertThat(exponent.capacity()).isEqualTo(12);
        assertThat(point.capacity()).isEqualTo(12);
    }

    @Test
    void valuesReadFromStringsMustBeStrings() {
        String group = group("false");

        Map<String, String> errors = errors(group.replace("\"MONDAY\"", "1").replace("\"18:00\"", "1800")
                .replaceFirst("\"programId\":\"[^\"]+\"", "\"programId\":7"), CreateGroupRequest.class);

        assertThat(errors).containsOnlyKeys("body.programId", "body.schedule.slots[0].dayOfWeek",
                "body.schedule.slots[0].startTime");
        assertThat(errors.get("body.programId")).isEqualTo("must be a string");
        assertThat(errors.get("body.schedule.slots[0].dayOfWeek")).startsWith("must be one of MONDAY, TUESDAY");
    }

    @Test
    void anUnknownEnumConstantIsNamed() {
        String amendment = "{\"status\":\"%s\",\"minutes\":180,\"credited\":true,\"reason\":\"late sign-in\"}";

        assertThat(errors(amendment.formatted("PRESENT_ISH"), AmendmentRequest.class)).containsOnlyKeys("body.status");
    }

    @Test
    void collectionsAndNestedRecordsAreCheckedElementByElement() {
        String group = group("false");

        assertThat(errors(group.replaceFirst("\"facilitatorIds\":\\[\"[^\"]+\"]", "\"facilitatorIds\":[1,\"x\"]"),
                CreateGroupRequest.class)).containsOnlyKeys("body.facilitatorIds[0]");
        assertThat(errors(group.replaceFirst("\"facilitatorIds\":\\[\"[^\"]+\"]", "\"facilitatorIds\":\"x\""),
                CreateGroupRequest.class)).containsExactly(Map.entry("body.facilitatorIds", "must be an array"));
        assertThat(errors("{\"excused\":[{\"patientId\":\"%s\",\"reason\":false}]}".formatted(UUID.randomUUID()),
                SignOffRequest.class)).containsOnlyKeys("body.excused[0].reason");
        assertThat(errors("{\"excused\":{}}", SignOffRequest.class)).containsOnlyKeys("body.excused");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefusedAsAWhole() {
        assertThat(errors("[]", UpdateSiteRequest.class)).containsExactly(Map.entry("body", "must be an object"));
        assertThat(errors("\"site\"", UpdateSiteRequest.class)).containsExactly(Map.entry("body", "must be an object"));
    }

    @Test
    void messagesNeverQuoteTheValue() {
        String secret = "Patient-7731-HIV";
        String body = "{\"name\":[\"%s\"],\"capacity\":\"%s\",\"autoAdmit\":\"%s\",\"schedule\":{\"timeZone\":[\"%s\"],"
                .formatted(secret, secret, secret, secret) + "\"slots\":[{\"dayOfWeek\":\"%s\"}]}}".formatted(secret);

        MendException e = refused(body, UpdateGroupRequest.class);

        assertThat(e.fieldErrors()).hasSize(5);
        assertThat(e.toProblem().toString()).doesNotContain(secret);
    }

    @Test
    void unknownMembersAreIgnoredAsBefore() throws Exception {
        CreateGroupRequest request = read(group("true").replace("{\"name\"", "{\"colour\":42,\"name\""),
                CreateGroupRequest.class);

        assertThat(request.name()).isEqualTo("Evening group");
    }

    @Test
    void notJsonDuplicateMembersAndTrailingTextAreMalformedWithoutFields() {
        for (String wrong : List.of("{\"name\": \"Broken\", ", "{\"autoAdmit\":true,\"autoAdmit\":\"yes\"}",
                "{} {}", "{\"name\":\"x\"} trailing", "nul", " ")) {
            MendException e = refused(wrong, UpdateGroupRequest.class);
            assertThat(e.fieldErrors()).as(wrong).isEmpty();
            assertThat(e.getMessage()).isEqualTo("The request body is not valid JSON");
        }
    }

    /** Found by the REST fuzzer: past the parser's nesting limit it threw a plain RuntimeException, answered 500. */
    @Test
    void jsonNestedThousandsDeepIsMalformedNotOurFailure() {
        for (String open : List.of("[", "{\"a\":")) {
            String close = open.equals("[") ? "]" : "}";
            String deep = "{\"name\":" + open.repeat(5000) + "1" + close.repeat(5000) + "}";
            MendException e = refused(deep, UpdateGroupRequest.class);
            assertThat(e.fieldErrors()).isEmpty();
            assertThat(e.getMessage()).isEqualTo("The request body is not valid JSON");
        }
    }

    @Test
    void anEmptyBodyIsNoBodyAndJsonNullIsNullToo() throws Exception {
        assertThat((Object) read("", SignOffRequest.class)).isNull();
        assertThat((Object) read("null", SignOffRequest.class)).isNull();
    }

    @Test
    void whatJsonBindingRefusesIsStillAJsonbException() {
        String group = group("false").replace("\"18:00\"", "\"25:99\"");

        Executable call = () -> read(group, CreateGroupRequest.class);

        org.junit.jupiter.api.Assertions.assertThrows(JsonbException.class, call);
    }

    @Test
    void rawBodiesKeepTheirOwnReaders() {
        MediaType json = MediaType.APPLICATION_JSON_TYPE;
        assertThat(READER.isReadable(String.class, String.class, null, json)).isFalse();
        assertThat(READER.isReadable(jakarta.json.JsonObject.class, jakarta.json.JsonObject.class, null, json))
                .isFalse();
        assertThat(READER.isReadable(CreateGroupRequest.class, CreateGroupRequest.class, null, json)).isTrue();
    }

    @Test
    void primitivesOptionalsAndMapsAreUnderstood() {
        record Shapes(int count, boolean flag, double ratio, Optional<String> note, Map<String, Integer> tally,
                      long[] ids) {
        }

        assertThat(JsonShape.mismatches(jakarta.json.Json.createReader(new java.io.StringReader(
                "{\"count\":null,\"flag\":null,\"ratio\":\"1\",\"note\":5,\"tally\":{\"a\":1,\"b\":\"2\"},"
                        + "\"ids\":[1,2.5]}")).readValue(), Shapes.class, "body"))
                .extracting(Problem.FieldError::field)
                .containsExactly("body.count", "body.flag", "body.ratio", "body.note", "body.tally", "body.ids[1]");
    }
}
