package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The clinical REST API on the provisioned server and PostgreSQL, called as the demo admin with a real Keycloak
 * token: the rules (capacity, enrollment, no duplicate sessions across DST, cancellation keeps the record) and
 * the error contract (problem+json with stable codes; 400 / 404 / 409, never a 500).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClinicalApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    Api admin;

    @BeforeEach
    void client() {
        admin = Api.of(url).as("admin");
    }

    // ---- set-up helpers: every record synthetic, every subject unique per test ----

    private String site() {
        return created(admin.post("/api/sites",
                "{\"name\":\"Test Clinic\",\"city\":\"Memphis\",\"state\":\"TN\",\"timeZone\":\"America/Chicago\"}"));
    }

    private String program(String siteId) {
        return created(admin.post("/api/programs", """
                {"siteId":"%s","name":"Test IOP","kind":"DUAL_DIAGNOSIS","requiredSessions":24,
                 "plannedSessionsPerWeek":3,"plannedSessionMinutes":180}""".formatted(siteId)));
    }

    private String staff() {
        return created(admin.post("/api/staff",
                "{\"idpSubject\":\"it-staff-%s\",\"displayName\":\"Test Facilitator\"}".formatted(UUID.randomUUID())));
    }

    private String patient() {
        return created(admin.post("/api/patients", """
                {"idpSubject":"it-patient-%s","displayName":"Test Patient",
                 "emergencyContact":{"name":"Test Contact","phone":"+1 555 0100"}}""".formatted(UUID.randomUUID())));
    }

    private String enroll(String patientId, String programId) {
        return created(admin.post("/api/enrollments", """
                {"patientId":"%s","programId":"%s","startDate":"2026-10-01","plannedEndDate":"2027-03-31"}"""
                .formatted(patientId, programId)));
    }

    private String group(String programId, String staffId) {
        return created(admin.post("/api/groups", """
                {"name":"Test Group","programId":"%s","capacity":12,
                 "schedule":{"timeZone":"America/Chicago","slots":[
                   {"dayOfWeek":"MONDAY","startTime":"18:00","lengthMinutes":180},
                   {"dayOfWeek":"WEDNESDAY","startTime":"18:00","lengthMinutes":180},
                   {"dayOfWeek":"THURSDAY","startTime":"18:00","lengthMinutes":180}]},
                 "facilitatorIds":["%s"]}""".formatted(programId, staffId)));
    }

    private HttpResult admit(String groupId, String patientId) {
        return admin.post("/api/groups/" + groupId + "/memberships",
                "{\"patientId\":\"%s\",\"fromDate\":\"2026-10-05\"}".formatted(patientId));
    }

    private static String created(HttpResult result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(201);
        return result.json().getString("id");
    }

    // ---- the rules ----

    @Test
    void createsReadsAndListsWithPaging() {
        String siteId = site();
        String programId = program(siteId);

        HttpResult program = admin.get("/api/programs/" + programId);
        assertThat(program.status()).isEqualTo(200);
        assertThat(program.json().getString("kind")).isEqualTo("DUAL_DIAGNOSIS");
        assertThat(program.json().getInt("requiredSessions")).isEqualTo(24);

        for (int i = 0; i < 3; i++) {
            patient();
        }
        HttpResult page = admin.get("/api/patients?page=0&size=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().getJsonArray("items")).hasSize(2);
        assertThat(page.json().getInt("total")).isGreaterThanOrEqualTo(3);
        assertThat(page.json().getInt("size")).isEqualTo(2);

        HttpResult bySite = admin.get("/api/programs?siteId=" + siteId);
        assertThat(bySite.json().getInt("total")).isEqualTo(1);

        assertThat(program.json().getJsonObject("attendanceThresholds").getInt("creditPercent")).isEqualTo(75);
        String update = "{\"name\":\"Test IOP\",\"requiredSessions\":24,\"plannedSessionsPerWeek\":3,"
                + "\"plannedSessionMinutes\":180,\"minimumWeeklyMinutes\":540,\"creditPercent\":%d}";
        HttpResult stricter = admin.put("/api/programs/" + programId, update.formatted(90));
        assertThat(stricter.status()).as(stricter.toString()).isEqualTo(200);
        assertThat(stricter.json().getJsonObject("attendanceThresholds").getInt("creditPercent")).isEqualTo(90);
        assertThat(stricter.json().getJsonObject("attendanceThresholds").getInt("lateAfterMinutes")).isEqualTo(15);
        assertThat(admin.put("/api/programs/" + programId, update.formatted(40)).problemCode())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void theThirteenthMemberIsRefusedAndTheGroupIsUnchanged() {
        String programId = program(site());
        String groupId = group(programId, staff());
        for (int i = 0; i < 12; i++) {
            String patientId = patient();
            enroll(patientId, programId);
            assertThat(admit(groupId, patientId).status()).isEqualTo(201);
        }
        String thirteenth = patient();
        enroll(thirteenth, programId);

        HttpResult refused = admit(groupId, thirteenth);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("GROUP_FULL");
        assertThat(admin.get("/api/groups/" + groupId + "/memberships?activeOn=2026-10-05").json().getInt("total"))
                .isEqualTo(12);
    }

    @Test
    void onlyEnrolledPatientsJoinAndEndingTheEnrollmentEndsTheMembership() {
        String programId = program(site());
        String groupId = group(programId, staff());
        String patientId = patient();

        HttpResult notEnrolled = admit(groupId, patientId);
        assertThat(notEnrolled.status()).isEqualTo(409);
        assertThat(notEnrolled.problemCode()).isEqualTo("PATIENT_NOT_ENROLLED");

        String enrollmentId = enroll(patientId, programId);
        assertThat(admit(groupId, patientId).status()).isEqualTo(201);
        HttpResult discharged = admin.post("/api/enrollments/" + enrollmentId + "/status",
                "{\"status\":\"DISCHARGED\",\"effectiveDate\":\"2026-11-10\",\"reason\":\"Stepped down to outpatient\"}");
        assertThat(discharged.status()).as(discharged.toString()).isEqualTo(200);
        assertThat(discharged.json().getJsonArray("history")).hasSize(2);

        HttpResult members = admin.get("/api/groups/" + groupId + "/memberships?activeOn=2026-11-11");
        assertThat(members.json().getInt("total")).isZero();
        HttpResult again = admin.post("/api/enrollments/" + enrollmentId + "/status",
                "{\"status\":\"COMPLETED\",\"effectiveDate\":\"2026-11-12\",\"reason\":\"late\"}");
        assertThat(again.problemCode()).isEqualTo("INVALID_STATUS_TRANSITION");
    }

    @Test
    void sessionsAreGeneratedAcrossTheFallBackOnceAndKeepTheirLocalTime() {
        String groupId = group(program(site()), staff());
        String range = "{\"from\":\"2026-10-26\",\"to\":\"2026-11-08\"}";

        HttpResult first = admin.post("/api/groups/" + groupId + "/sessions/generate", range);
        HttpResult second = admin.post("/api/groups/" + groupId + "/sessions/generate", range);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getInt("createdCount")).isEqualTo(6);
        assertThat(second.json().getInt("createdCount")).isZero();
        assertThat(second.json().getInt("skipped")).isEqualTo(6);
        List<Instant> starts = new ArrayList<>();
        for (JsonObject session : admin.get("/api/sessions?groupId=" + groupId + "&size=50").json()
                .getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertThat(session.getString("startLocalTime")).startsWith("18:00");
            starts.add(Instant.parse(session.getString("startsAt")));
        }
        // 18:00 CDT is 23:00Z before 1 November 2026; 18:00 CST is 00:00Z the next day after it.
        assertThat(starts).hasSize(6).contains(Instant.parse("2026-10-26T23:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z"));
    }

    @Test
    void cancellingKeepsTheRecordWithItsReason() {
        String groupId = group(program(site()), staff());
        String sessionId = admin.post("/api/groups/" + groupId + "/sessions/generate",
                "{\"from\":\"2026-12-07\",\"to\":\"2026-12-07\"}").json().getJsonArray("created")
                .getJsonObject(0).getString("id");

        HttpResult noReason = admin.post("/api/sessions/" + sessionId + "/cancel", "{\"reason\":\" \"}");
        HttpResult cancelled = admin.post("/api/sessions/" + sessionId + "/cancel",
                "{\"reason\":\"Facilitator ill\"}");
        HttpResult twice = admin.post("/api/sessions/" + sessionId + "/cancel", "{\"reason\":\"again\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(cancelled.status()).isEqualTo(200);
        JsonObject kept = admin.get("/api/sessions/" + sessionId).json();
        assertThat(kept.getString("status")).isEqualTo("CANCELLED");
        assertThat(kept.getString("cancellationReason")).isEqualTo("Facilitator ill");
        assertThat(twice.problemCode()).isEqualTo("SESSION_NOT_CANCELLABLE");
    }

    // ---- the error contract ----

    @Test
    void theGroupSeesAChosenNameThatStaffSetAndAPatientMayChangeTheirOwn() {
        String contact = "\"emergencyContact\":{\"name\":\"Test Contact\",\"phone\":\"+1 555 0100\"}";
        String byDefault = patient();
        assertThat(admin.get("/api/patients/" + byDefault).json().getString("chosenName")).isEqualTo("Test");
        HttpResult chosen = admin.post("/api/patients", """
                {"idpSubject":"it-patient-%s","displayName":"Test Patient","chosenName":"Dee",%s}"""
                .formatted(UUID.randomUUID(), contact));
        assertThat(chosen.json().getString("chosenName")).as(chosen.toString()).isEqualTo("Dee");
        for (String bad : List.of("\"\"", "\"Dee\\u0000\"", "\"" + "x".repeat(101) + "\"")) {
            HttpResult refused = admin.post("/api/patients", """
                    {"idpSubject":"it-patient-%s","displayName":"Test Patient","chosenName":%s,%s}"""
                    .formatted(UUID.randomUUID(), bad, contact));
            assertThat(refused.problemCode()).as(bad).isEqualTo("VALIDATION_FAILED");
        }
        String id = chosen.json().getString("id");
        HttpResult kept = admin.put("/api/patients/" + id, "{\"displayName\":\"Test Patient Two\"," + contact + "}");
        assertThat(kept.json().getString("chosenName")).as("absent: kept").isEqualTo("Dee");
        HttpResult changed = admin.put("/api/patients/" + id,
                "{\"displayName\":\"Test Patient Two\",\"chosenName\":\"Deedee\"," + contact + "}");
        assertThat(changed.json().getString("chosenName")).isEqualTo("Deedee");

        // A patient changes their own, and only their own: the record is the caller's, found by subject.
        String subject = DemoIdentities.patient(8);
        if (admin.get("/api/patients?idpSubject=" + subject).json().getInt("total") == 0) {
            created(admin.post("/api/patients", """
                    {"idpSubject":"%s","displayName":"Browser Patient 8",%s}""".formatted(subject, contact)));
        }
        Api patient = Api.of(url).as("patient8");
        HttpResult mine = patient.put("/api/me/chosen-name", "{\"chosenName\":\" Hana \"}");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().getString("chosenName")).isEqualTo("Hana");
        assertThat(patient.get("/api/me").json().getString("chosenName")).isEqualTo("Hana");
        assertThat(patient.put("/api/me/chosen-name", "{\"chosenName\":\"\"}").problemCode())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(patient.put("/api/me/chosen-name", "{\"chosenName\":\"Ha\\nna\"}").problemCode())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(patient.get("/api/me").json().getString("chosenName")).isEqualTo("Hana");
        assertThat(Api.of(url).as("facilitator").put("/api/me/chosen-name", "{\"chosenName\":\"Dana\"}")
                .problemCode()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void malformedJsonIsA400ProblemAndChangesNothing() {
        long before = admin.get("/api/sites?size=1").json().getInt("total");

        HttpResult result = admin.post("/api/sites", "{\"name\": \"Broken\", ");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.contentType()).startsWith("application/problem+json");
        assertThat(result.problemCode()).isEqualTo("MALFORMED_BODY");
        assertThat(admin.get("/api/sites?size=1").json().getInt("total")).isEqualTo(before);
    }

    @Test
    void invalidFieldsAreNamed() {
        HttpResult result = admin.post("/api/programs", """
                {"siteId":"%s","name":"","kind":"MENTAL_HEALTH_IOP","requiredSessions":50,
                 "plannedSessionsPerWeek":3,"plannedSessionMinutes":180}""".formatted(site()));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.problemCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(result.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getString("field"))
                .anySatisfy(field -> assertThat(field).endsWith("name"))
                .anySatisfy(field -> assertThat(field).endsWith("requiredSessions"));
    }

    @Test
    void anUnknownEnumConstantIsABadBody() {
        HttpResult result = admin.post("/api/programs", """
                {"siteId":"%s","name":"X","kind":"RESIDENTIAL","requiredSessions":24,
                 "plannedSessionsPerWeek":3,"plannedSessionMinutes":180}""".formatted(site()));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.problemCode()).isIn("MALFORMED_BODY", "VALIDATION_FAILED");
    }

    @Test
    void unknownIdsAre404Problems() {
        String unknown = UUID.randomUUID().toString();

        assertThat(admin.get("/api/patients/" + unknown).problemCode()).isEqualTo("NOT_FOUND");
        assertThat(admin.get("/api/groups/" + unknown).status()).isEqualTo(404);
        HttpResult referenced = admin.post("/api/programs", """
                {"siteId":"%s","name":"X","kind":"MENTAL_HEALTH_IOP","requiredSessions":24,
                 "plannedSessionsPerWeek":3,"plannedSessionMinutes":180}""".formatted(unknown));
        assertThat(referenced.status()).isEqualTo(404);
        assertThat(referenced.problemCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void pagingOutOfRangeIsA400NotAClamp() {
        assertThat(admin.get("/api/patients?size=0").problemCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/patients?size=201").problemCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/patients?page=-1").problemCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/sessions?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void clinicalRecordsCannotBeDeleted() {
        String patientId = patient();

        HttpResult result = admin.delete("/api/patients/" + patientId);

        assertThat(result.status()).isEqualTo(405);
        assertThat(result.problemCode()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(admin.get("/api/patients/" + patientId).status()).isEqualTo(200);
    }

    @Test
    void aDuplicateSubjectIsAConflict() {
        String subject = "it-dup-" + UUID.randomUUID();
        String body = "{\"idpSubject\":\"%s\",\"displayName\":\"Test\",\"emergencyContact\":{\"name\":\"C\",\"phone\":\"+1 555 0100\"}}"
                .formatted(subject);

        HttpResult first = admin.post("/api/patients", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(admin.post("/api/patients", body).problemCode()).isEqualTo("DUPLICATE_SUBJECT");
    }

    @Test
    void wronglyTypedJsonIsRefusedNamingTheFieldAndNothingIsStored() {
        String programId = program(site());
        String staffId = staff();
        String group = """
                {"name":"Typed Group","programId":"%s","capacity":12,"autoAdmit":%s,
                 "schedule":{"timeZone":"America/Chicago","slots":[
                   {"dayOfWeek":"MONDAY","startTime":"18:00","lengthMinutes":180}]},
                 "facilitatorIds":["%s"]}""";

        for (String autoAdmit : List.of("\"yes\"", "1", "1e308")) {
            HttpResult result = admin.post("/api/groups", group.formatted(programId, autoAdmit, staffId));
            assertThat(result.status()).as(result.toString()).isEqualTo(400);
            assertThat(result.contentType()).startsWith("application/problem+json");
            assertThat(result.problemCode()).isEqualTo("MALFORMED_BODY");
            assertThat(fields(result)).containsExactly("body.autoAdmit");
            assertThat(result.body()).doesNotContain("yes", "1e308");
        }
        assertThat(admin.get("/api/groups?programId=" + programId).json().getInt("total")).isZero();

        String subject = "it-typed-" + UUID.randomUUID();
        HttpResult patient = admin.post("/api/patients", """
                {"idpSubject":"%s","displayName":1,"emergencyContact":{"name":"C","phone":"+1 555 0100"}}"""
                .formatted(subject));
        assertThat(patient.problemCode()).as(patient.toString()).isEqualTo("MALFORMED_BODY");
        assertThat(fields(patient)).containsExactly("body.displayName");
        assertThat(admin.get("/api/patients?idpSubject=" + subject).json().getInt("total")).isZero();

        HttpResult right = admin.post("/api/groups", group.formatted(programId, "true", staffId));
        assertThat(right.status()).as(right.toString()).isEqualTo(201);
        assertThat(right.json().getBoolean("autoAdmit")).isTrue();
    }

    @Test
    void controlCharactersAndLoneSurrogatesInTextAreInvalidFields() {
        String subject = "it-text-" + UUID.randomUUID();
        String patient = """
                {"idpSubject":"%s","displayName":"%s","emergencyContact":{"name":"%s","phone":"+1 555 0100"}}""";

        HttpResult nul = admin.post("/api/patients", patient.formatted(subject, "Dana\\u0000Lee", "C"));
        HttpResult surrogate = admin.post("/api/patients", patient.formatted(subject, "Dana", "Lee\\ud800"));
        HttpResult newline = admin.post("/api/patients", patient.formatted(subject, "Dana\\nLee", "C"));

        for (HttpResult result : List.of(nul, surrogate, newline)) {
            assertThat(result.status()).as(result.toString()).isEqualTo(400);
            assertThat(result.problemCode()).isEqualTo("VALIDATION_FAILED");
            assertThat(result.body()).doesNotContain("Dana", "Lee");
        }
        assertThat(fields(nul)).containsExactly("body.displayName");
        assertThat(fields(surrogate)).containsExactly("body.emergencyContact.name");
        assertThat(fields(newline)).containsExactly("body.displayName");
        assertThat(admin.get("/api/patients?idpSubject=" + subject).json().getInt("total")).isZero();
    }

    private static List<String> fields(HttpResult problem) {
        return problem.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
    }

    @Test
    void wrongContentTypeIs415() {
        HttpResult result = admin.send("POST", "/api/sites", "text/plain", "name=x");

        assertThat(result.status()).isEqualTo(415);
        assertThat(result.problemCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }
}
