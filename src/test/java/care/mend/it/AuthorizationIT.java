package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what, over every REST endpoint and the signaling ticket, with real Keycloak tokens of the realm's demo
 * users: each cell of the role x endpoint matrix asserts the exact status, ownership included (the facilitator of
 * another group, the patient of another group, the supervisor of another site). Admins' writes act on disposable
 * records of the fixture; every other caller is refused before anything is read or changed. Then the access audit
 * log: denied and allowed reads are recorded, supervisors can query it, and nobody can change it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationIT {

    /** The callers of the matrix: demo users, plus no token at all. */
    private static final List<String> CALLERS = List.of("admin", "supervisor", "facilitator", "facilitator2",
            "patient1", "patient2", "anonymous");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    Api anonymous;
    AccessFixture f;

    @BeforeEach
    void fixture() {
        anonymous = Api.of(url);
        f = AccessFixture.on(anonymous);
    }

    private Api caller(String name) {
        return name.equals("anonymous") ? anonymous : anonymous.as(name);
    }

    /** One row of the matrix: a request and the status each caller must get, in the order of {@link #CALLERS}. */
    private record Row(String method, String path, String body, int... expected) {
    }

    @Test
    void everyRoleGetsExactlyWhatItMay() {
        String p1 = f.patient1;
        String g1 = f.group1;
        String fresh = java.util.UUID.randomUUID().toString();
        String programBody = "{\"name\":\"Access IOP\",\"requiredSessions\":30,\"plannedSessionsPerWeek\":4,"
                + "\"plannedSessionMinutes\":180,\"minimumWeeklyMinutes\":540}";
        String groupBody = "{\"name\":\"Access Group 3\",\"capacity\":10,\"autoAdmit\":false,"
                + "\"schedule\":{\"timeZone\":\"America/Chicago\",\"slots\":[{\"dayOfWeek\":\"TUESDAY\","
                + "\"startTime\":\"09:00\",\"lengthMinutes\":180}]}}";
        String patientBody = "{\"displayName\":\"Access Patient\","
                + "\"emergencyContact\":{\"name\":\"Access Contact\",\"phone\":\"+1 555 0100\"}}";
        // A session beyond the weekly schedule, far enough ahead to be moved and given a guest in the rows below.
        String oneOff = "{\"date\":\"%s\",\"startTime\":\"10:00\",\"lengthMinutes\":60,\"reason\":\"matrix\"}";
        String toMove = AccessFixture.id(anonymous.as("admin").post("/api/groups/" + f.group3 + "/sessions",
                oneOff.formatted("2027-06-03")));
        // A fresh current text of program1 (patient1's), which the consent rows below accept and withdraw.
        JsonObject consentText = Consent.publish(anonymous.as("admin"), f.program1, "TELEHEALTH_CONSENT",
                "Matrix text.");
        String consentBody = "{\"kind\":\"GROUP_AGREEMENT\",\"title\":\"Matrix\",\"body\":\"Matrix agreement.\"}";
        List<Row> rows = List.of(
                //                                                        adm  sup  fac  fac2 pat1 pat2 anon
                new Row("GET", "/api/me", null, 200, 200, 200, 200, 200, 200, 401),
                new Row("POST", "/api/signaling/tickets", "", 200, 200, 200, 200, 200, 200, 401),
                // sites and programs: readable by every role, changed by admins only
                new Row("POST", "/api/sites", AccessFixture.site("Matrix Site"), 201, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/api/sites", null, 200, 200, 200, 200, 200, 200, 401),
                new Row("GET", "/api/sites/" + f.site1, null, 200, 200, 200, 200, 200, 200, 401),
                new Row("PUT", "/api/sites/" + f.site2, AccessFixture.site("Access Site Two").replace("}", ",\"active\":true}"),
                        200, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/programs", AccessFixture.program(f.site2), 201, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/api/programs", null, 200, 200, 200, 200, 200, 200, 401),
                new Row("GET", "/api/programs/" + f.program1, null, 200, 200, 200, 200, 200, 200, 401),
                new Row("PUT", "/api/programs/" + f.program1, programBody, 200, 403, 403, 403, 403, 403, 401),
                // the staff directory: staff roles read, admins change
                new Row("POST", "/api/staff", "{\"idpSubject\":\"it-matrix-%s\",\"displayName\":\"Matrix Staff\"}"
                        .formatted(fresh), 201, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/api/staff", null, 200, 200, 200, 200, 403, 403, 401),
                new Row("GET", "/api/staff/" + f.disposableStaff, null, 200, 200, 200, 200, 403, 403, 401),
                new Row("PUT", "/api/staff/" + f.disposableStaff, "{\"displayName\":\"Disposable Staff\",\"active\":true}",
                        200, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/staff/" + f.disposableStaff + "/sites", "{\"siteId\":\"" + f.site2 + "\"}",
                        200, 403, 403, 403, 403, 403, 401),
                new Row("DELETE", "/api/staff/" + f.disposableStaff + "/sites/" + f.site2, null,
                        200, 403, 403, 403, 403, 403, 401),
                // patients: each sees their own; staff see those of their groups or sites
                new Row("POST", "/api/patients", "{\"idpSubject\":\"it-matrix-%s\",".formatted(fresh)
                        + patientBody.substring(1), 201, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/api/patients", null, 200, 200, 200, 200, 200, 200, 401),
                new Row("GET", "/api/patients/" + p1, null, 200, 200, 200, 403, 200, 403, 401),
                new Row("GET", "/api/patients/" + f.patient2, null, 200, 403, 403, 200, 403, 200, 401),
                new Row("PUT", "/api/patients/" + p1, patientBody, 200, 403, 403, 403, 403, 403, 401),
                // enrollments
                new Row("POST", "/api/enrollments", AccessFixture.enrollment(f.unenrolledPatient, f.program1),
                        201, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/api/enrollments", null, 200, 200, 200, 200, 200, 200, 401),
                new Row("GET", "/api/enrollments/" + f.enrollment1, null, 200, 200, 200, 403, 200, 403, 401),
                new Row("POST", "/api/enrollments/" + f.enrollmentToEnd + "/status",
                        "{\"status\":\"WITHDRAWN\",\"effectiveDate\":\"2026-10-02\",\"reason\":\"matrix\"}",
                        200, 403, 403, 403, 403, 403, 401),
                // groups, facilitators, rosters, session generation
                new Row("POST", "/api/groups", AccessFixture.group(f.program1, f.otherFacilitator),
                        201, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/api/groups", null, 200, 200, 200, 200, 200, 200, 401),
                new Row("GET", "/api/groups/" + g1, null, 200, 200, 200, 403, 200, 403, 401),
                new Row("GET", "/api/groups/" + f.group2, null, 200, 403, 403, 200, 403, 200, 401),
                new Row("PUT", "/api/groups/" + f.group3, groupBody, 200, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/groups/" + f.group3 + "/facilitators", "{\"staffId\":\"" + f.otherFacilitator + "\"}",
                        200, 403, 403, 403, 403, 403, 401),
                new Row("DELETE", "/api/groups/" + f.group3 + "/facilitators/" + f.otherFacilitator, null,
                        200, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/api/groups/" + g1 + "/memberships", null, 200, 200, 200, 403, 403, 403, 401),
                new Row("POST", "/api/groups/" + g1 + "/memberships", AccessFixture.membership(f.enrolledNonMember),
                        201, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/groups/" + g1 + "/sessions/generate", "{\"from\":\"2026-11-02\",\"to\":\"2026-11-03\"}",
                        200, 403, 403, 403, 403, 403, 401),
                // memberships
                new Row("GET", "/api/memberships/" + f.membership1, null, 200, 200, 200, 403, 200, 403, 401),
                new Row("POST", "/api/memberships/" + f.membershipToEnd + "/end", "{\"toDate\":\"2026-10-07\"}",
                        200, 403, 403, 403, 403, 403, 401),
                // sessions
                new Row("GET", "/api/sessions", null, 200, 200, 200, 200, 200, 200, 401),
                new Row("GET", "/api/sessions/" + f.session1, null, 200, 200, 200, 403, 200, 403, 401),
                new Row("POST", "/api/sessions/" + f.sessionToCancel + "/cancel", "{\"reason\":\"matrix\"}",
                        200, 403, 403, 403, 403, 403, 401),
                // sessions beyond the weekly schedule: admins add and move them and add make-up guests
                new Row("POST", "/api/groups/" + f.group3 + "/sessions", oneOff.formatted("2027-06-04"),
                        201, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/sessions/" + toMove + "/reschedule",
                        "{\"startTime\":\"11:00\",\"reason\":\"matrix\"}", 200, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/sessions/" + toMove + "/guests",
                        "{\"patientId\":\"" + f.enrolledNonMember + "\",\"reason\":\"matrix\"}",
                        201, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/api/sessions/" + toMove + "/guests", null, 200, 200, 200, 403, 403, 403, 401),
                // attendance: the group's staff read the sheet, its facilitators sign (session1 has not ended)
                new Row("GET", "/api/attendance/sessions/" + f.session1, null, 200, 200, 200, 403, 403, 403, 401),
                new Row("POST", "/api/attendance/sessions/" + f.session1 + "/sign-off", "{}",
                        409, 403, 409, 403, 403, 403, 401),
                // an unknown record: admins learn it does not exist; nobody else may amend it, nor learn that
                new Row("POST", "/api/attendance/records/" + UUID.randomUUID() + "/amendments",
                        "{\"status\":\"PRESENT\",\"minutes\":180,\"credited\":true,\"reason\":\"matrix\","
                                + "\"minutesByModality\":{\"AUDIO_VIDEO\":180,\"AUDIO_ONLY\":0,\"NONE\":0}}",
                        404, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/api/attendance/enrollments/" + f.enrollment1 + "/progress", null,
                        200, 200, 200, 403, 200, 403, 401),
                new Row("GET", "/api/attendance/progress?programId=" + f.program1, null,
                        200, 200, 200, 200, 403, 403, 401),
                new Row("GET", "/api/attendance/report", null, 200, 200, 200, 200, 403, 403, 401),
                new Row("GET", "/api/attendance/report.csv", null, 200, 200, 200, 200, 403, 403, 401),
                new Row("GET", "/api/attendance/report.fhir", null, 200, 200, 200, 200, 403, 403, 401),
                new Row("GET", "/api/attendance/unsigned", null, 200, 200, 403, 403, 403, 403, 401),
                // which sessions are signed: staff, within their groups (no patient data); never patients
                new Row("GET", "/api/attendance/sign-offs?sessionId=" + f.session1, null,
                        200, 200, 200, 200, 403, 403, 401),
                // check-ins: the patient on the roster checks in for themselves (session1's day is past: closed);
                // the group's staff read the round and a patient's trend; never another patient
                new Row("GET", "/api/me/check-ins?sessionId=" + f.session1, null, 403, 403, 403, 403, 200, 403, 401),
                new Row("POST", "/api/me/check-ins", "{\"sessionId\":\"" + f.session1 + "\",\"mood\":5,"
                        + "\"medication\":\"TAKEN\"}", 403, 403, 403, 403, 409, 403, 401),
                new Row("GET", "/api/attendance/sessions/" + f.session1 + "/check-ins", null,
                        200, 200, 200, 403, 403, 403, 401),
                new Row("GET", "/api/attendance/patients/" + p1 + "/check-ins", null,
                        200, 200, 200, 403, 403, 403, 401),
                // reminders by e-mail: a patient chooses their own; staff read them as the patient, admins set them
                new Row("GET", "/api/me/reminders", null, 403, 403, 403, 403, 200, 200, 401),
                new Row("PUT", "/api/me/reminders", "{\"email\":false}", 403, 403, 403, 403, 200, 200, 401),
                new Row("GET", "/api/patients/" + p1 + "/reminders", null, 200, 200, 200, 403, 200, 403, 401),
                new Row("PUT", "/api/patients/" + p1 + "/reminders", "{\"email\":false}",
                        200, 403, 403, 403, 403, 403, 401),
                // consent: the patient of the program accepts and withdraws for themselves; admins publish; staff
                // who see the patient read the decisions; the texts are readable by every role
                new Row("GET", "/api/me/consents", null, 403, 403, 403, 403, 200, 200, 401),
                new Row("POST", "/api/me/consents", "{\"textId\":\"" + consentText.getString("id")
                        + "\",\"version\":" + consentText.getInt("version") + "}", 403, 403, 403, 403, 200, 403, 401),
                new Row("POST", "/api/me/consents/withdraw", "{\"programId\":\"" + f.program1 + "\"}",
                        403, 403, 403, 403, 200, 403, 401),
                new Row("GET", "/api/programs/" + f.program1 + "/consent-texts", null,
                        200, 200, 200, 200, 200, 200, 401),
                new Row("POST", "/api/programs/" + f.program1 + "/consent-texts", consentBody,
                        201, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/api/patients/" + p1 + "/consents", null, 200, 200, 200, 403, 403, 403, 401),
                // the access log
                new Row("GET", "/api/audit", null, 200, 200, 403, 403, 403, 403, 401));

        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < CALLERS.size(); i++) {
                int expected = row.expected()[i];
                String who = CALLERS.get(i);
                HttpResult result = send(caller(who), row);
                if (result.status() != expected) {
                    mismatches.add(row.method() + " " + row.path() + " as " + who + ": expected " + expected
                            + ", got " + result);
                } else if (expected == 403 && !"ACCESS_DENIED".equals(result.problemCode())) {
                    mismatches.add(row.method() + " " + row.path() + " as " + who + ": 403 without ACCESS_DENIED");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /**
     * Access is decided before the body or a parameter is read: a caller who may not make the change or see the data
     * gets 403 whatever they sent, never the 400 that would say which fields were wrong; an admin sending the same
     * gets the 400. A patient's malformed report request is refused and still in the access log.
     */
    @Test
    void refusalsComeBeforeValidation() {
        String badGroup = "{\"name\":\"\",\"capacity\":99}";
        String g2 = f.group2;
        // A fresh current text of program1 (patient1's), which the consent rows below accept and withdraw.
        JsonObject consentText = Consent.publish(anonymous.as("admin"), f.program1, "TELEHEALTH_CONSENT",
                "Matrix text.");
        String consentBody = "{\"kind\":\"GROUP_AGREEMENT\",\"title\":\"Matrix\",\"body\":\"Matrix agreement.\"}";
        List<Row> rows = List.of(
                //                                                        adm  sup  fac  fac2 pat1 pat2 anon
                new Row("POST", "/api/groups", badGroup, 400, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/groups", "not json", 400, 403, 403, 403, 403, 403, 401),
                new Row("PUT", "/api/patients/" + f.patient1, "{\"displayName\":1}", 400, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/attendance/sessions/" + f.session1 + "/sign-off", "{\"excused\":\"x\"}",
                        400, 403, 400, 403, 403, 403, 401),
                new Row("POST", "/api/attendance/sessions/" + f.session1 + "/not-held", "{\"reason\":\"\"}",
                        400, 403, 400, 403, 403, 403, 401),
                new Row("GET", "/api/attendance/report?from=garbage&size=0", null, 400, 400, 400, 400, 403, 403, 401),
                new Row("GET", "/api/attendance/report.csv?groupId=garbage", null, 400, 400, 400, 400, 403, 403, 401),
                new Row("GET", "/api/attendance/progress?programId=garbage", null, 400, 400, 400, 400, 403, 403, 401),
                new Row("GET", "/api/attendance/unsigned?olderThanDays=-1", null, 400, 400, 403, 403, 403, 403, 401),
                new Row("GET", "/api/groups/" + g2 + "/memberships?activeOn=garbage", null,
                        400, 403, 403, 400, 403, 403, 401),
                new Row("GET", "/api/staff?size=0", null, 400, 400, 400, 400, 403, 403, 401),
                new Row("GET", "/api/audit?size=0", null, 400, 400, 403, 403, 403, 403, 401));
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < CALLERS.size(); i++) {
                HttpResult result = send(caller(CALLERS.get(i)), row);
                if (result.status() != row.expected()[i]) {
                    mismatches.add(row.method() + " " + row.path() + " as " + CALLERS.get(i) + ": expected "
                            + row.expected()[i] + ", got " + result);
                }
            }
        }
        assertThat(mismatches).isEmpty();

        JsonObject refused = caller("admin").get("/api/audit?outcome=DENIED&action=READ_REPORT&size=50&actorSubject="
                + DemoIdentities.patient(1)).json();
        assertThat(refused.getInt("total")).isPositive();
        JsonObject change = caller("supervisor").get("/api/audit?outcome=DENIED&action=CHANGE_PATIENT_DATA&size=50"
                + "&patientId=" + f.patient1 + "&actorSubject=" + DemoIdentities.SUPERVISOR).json();
        assertThat(change.getInt("total")).as("a refused change of a patient's record, in the site's log").isPositive();
        JsonObject roster = caller("admin").get("/api/audit?outcome=DENIED&action=READ_ROSTER&size=50&actorSubject="
                + DemoIdentities.FACILITATOR).json();
        assertThat(roster.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(e -> assertThat(e.getString("groupId")).isEqualTo(g2));
    }

    @Test
    void listingsShowOnlyWhatTheCallerMaySee() {
        assertThat(patientIds("patient1")).containsExactly(f.patient1);
        assertThat(patientIds("patient2")).containsExactly(f.patient2);
        assertThat(patientIds("facilitator")).contains(f.patient1).doesNotContain(f.patient2);
        assertThat(patientIds("facilitator2")).contains(f.patient2).doesNotContain(f.patient1);
        assertThat(patientIds("supervisor")).contains(f.patient1).doesNotContain(f.patient2);
        assertThat(patientIds("admin")).contains(f.patient1, f.patient2);

        assertThat(ids("patient1", "/api/groups?size=200")).containsExactly(f.group1);
        assertThat(ids("facilitator2", "/api/groups?size=200")).contains(f.group2).doesNotContain(f.group1);
        assertThat(ids("supervisor", "/api/sessions?size=200&groupId=" + f.group2)).isEmpty();
        assertThat(ids("patient2", "/api/enrollments?size=200&patientId=" + f.patient1)).isEmpty();
    }

    @Test
    void deniedAndAllowedReadsAreAuditedAndSupervisorsCanQueryThem() {
        assertThat(caller("patient2").get("/api/patients/" + f.patient1).status()).isEqualTo(403);
        assertThat(caller("facilitator").get("/api/patients/" + f.patient1).status()).isEqualTo(200);

        JsonObject denied = caller("supervisor").get("/api/audit?outcome=DENIED&size=200&patientId=" + f.patient1)
                .json();
        JsonObject allowed = caller("admin").get("/api/audit?outcome=ALLOWED&size=200&patientId=" + f.patient1)
                .json();

        assertThat(denied.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(e -> {
                    assertThat(e.getString("actorSubject")).isEqualTo(DemoIdentities.patient(2));
                    assertThat(e.getString("action")).isEqualTo("READ_PATIENT");
                    assertThat(e.getString("actorRoles")).isEqualTo("patient");
                    assertThat(e.getString("remoteAddress")).isNotBlank();
                    assertThat(e.getString("outcome")).isEqualTo("DENIED");
                });
        // The supervisor sees the patient's name (their site's patient); the caller, of another site, unnamed.
        assertThat(denied.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(e -> {
                    assertThat(e.getString("patientDisplayName")).isNotBlank();
                    assertThat(!e.containsKey("actorDisplayName") || e.isNull("actorDisplayName")).isTrue();
                });
        assertThat(allowed.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(e -> assertThat(e.getString("actorSubject")).isEqualTo(DemoIdentities.FACILITATOR));
    }

    @Test
    void theAuditLogCannotBeChangedThroughTheApiOrTheDatabase() throws SQLException {
        Api admin = caller("admin");
        String anyId = admin.get("/api/audit?size=1").json().getJsonArray("items").getJsonObject(0).getString("id");

        assertThat(admin.post("/api/audit", "{}").status()).isEqualTo(405);
        assertThat(admin.put("/api/audit/" + anyId, "{}").status()).isIn(404, 405);
        assertThat(admin.delete("/api/audit/" + anyId).status()).isIn(404, 405);
        assertThat(admin.delete("/api/audit").status()).isEqualTo(405);

        try (Connection db = DriverManager.getConnection(System.getProperty("mend.it.db.url"),
                System.getProperty("mend.it.db.user"), System.getProperty("mend.it.db.password"));
             Statement sql = db.createStatement()) {
            Assertions.assertThatThrownBy(() -> sql.executeUpdate("update access_audit set outcome = 'ALLOWED'"))
                    .hasMessageContaining("append-only");
            Assertions.assertThatThrownBy(() -> sql.executeUpdate("delete from access_audit"))
                    .hasMessageContaining("append-only");
        }
    }

    private Set<String> patientIds(String who) {
        return ids(who, "/api/patients?size=200");
    }

    private Set<String> ids(String who, String path) {
        HttpResult result = caller(who).get(path);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id")).collect(Collectors.toSet());
    }

    /** The row's path without its query: what decides the media type to ask for. */
    private static String resource(Row row) {
        int query = row.path().indexOf('?');
        return query < 0 ? row.path() : row.path().substring(0, query);
    }

    private static HttpResult send(Api api, Row row) {
        return switch (row.method()) {
            case "GET" -> resource(row).endsWith(".csv") ? api.accepting("text/csv").get(row.path())
                    : resource(row).endsWith(".fhir") ? api.accepting("application/fhir+json").get(row.path())
                    : api.get(row.path());
            case "POST" -> api.post(row.path(), row.body());
            case "PUT" -> api.put(row.path(), row.body());
            case "DELETE" -> api.delete(row.path());
            default -> throw new IllegalArgumentException(row.method());
        };
    }
}
