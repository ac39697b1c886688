package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
 * The attendance sheet on the server and PostgreSQL, from presence events as a room stores them: live figures
 * (minutes, the reconnection gap), sign-off by the group's facilitator only and only after the end, frozen records,
 * amendments that keep the original. The presence events are written straight into the database here; the rooms
 * that produce them are tested on their own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttendanceIT {

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

    /** A fresh session of group 1 on the given day, ended, with patient1's presence events. */
    private String endedSessionWithPresence(String day) throws SQLException {
        JsonObject created = anonymous.as("admin").post("/api/groups/" + f.group1 + "/sessions/generate",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(day, day)).json();
        JsonObject session = created.getJsonArray("created").getJsonObject(0);
        String sessionId = session.getString("id");
        Instant start = Instant.parse(session.getString("startsAt"));
        Instant end = Instant.parse(session.getString("endsAt"));
        try (Connection db = database()) {
            String patient = DemoIdentities.patient(1);
            insertPresence(db, sessionId, patient, "ADMITTED", start.plusSeconds(120), 1);
            insertPresence(db, sessionId, patient, "CONNECTION_LOST", start.plusSeconds(60 * 60), 2);
            insertPresence(db, sessionId, patient, "RESUMED", start.plusSeconds(63 * 60), 3);
            insertPresence(db, sessionId, patient, "SESSION_ENDED", end, 4);
            try (PreparedStatement ended = db.prepareStatement("update group_session set status = 'ENDED',"
                    + " live_at = ?, ended_at = ? where id = ?")) {
                ended.setTimestamp(1, Timestamp.from(start));
                ended.setTimestamp(2, Timestamp.from(end));
                ended.setObject(3, UUID.fromString(sessionId));
                ended.executeUpdate();
            }
        }
        return sessionId;
    }

    private static void insertPresence(Connection db, String sessionId, String subject, String kind, Instant at,
                                       int sequence) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into presence_event (id, idempotency_key,"
                + " session_id, participant_id, subject, room_role, kind, modality, occurred_at, recorded_at)"
                + " values (?, ?, ?, 'participant-1', ?, 'PATIENT', ?, 'AUDIO_VIDEO', ?, now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, sessionId + ":participant-1:" + kind + ":" + sequence);
            insert.setObject(3, UUID.fromString(sessionId));
            insert.setString(4, subject);
            insert.setString(5, kind);
            insert.setTimestamp(6, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("mend.it.db.url"), System.getProperty("mend.it.db.user"),
                System.getProperty("mend.it.db.password"));
    }

    private JsonObject lineOf(JsonObject sheet, String patientId) {
        return sheet.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(line -> line.getString("patientId").equals(patientId)).findFirst().orElseThrow();
    }

    @Test
    void theLiveSheetShowsMinutesAndTheReconnectionGap() throws SQLException {
        String sessionId = endedSessionWithPresence("2026-11-10");

        HttpResult sheet = anonymous.as("facilitator").get("/api/attendance/sessions/" + sessionId);

        assertThat(sheet.status()).as(sheet.toString()).isEqualTo(200);
        assertThat(sheet.json().getBoolean("signed")).isFalse();
        JsonObject line = lineOf(sheet.json(), f.patient1);
        assertThat(line.getInt("minutesPresent")).isEqualTo(175);
        assertThat(line.getInt("gapMinutes")).isEqualTo(3);
        assertThat(line.getString("status")).isEqualTo("PRESENT");
        assertThat(line.containsKey("liveState")).as("the session has ended: a final line").isFalse();
        JsonObject flags = line.getJsonObject("flags");
        assertThat(flags.getInt("lateMinutes")).isEqualTo(2);
        assertThat(flags.getBoolean("late")).isFalse();
        assertThat(flags.getInt("leftEarlyMinutes")).isZero();
        assertThat(flags.getInt("gapCount")).isEqualTo(1);
        assertThat(flags.getInt("gapMinutes")).isEqualTo(3);
        assertThat(line.getString("explanation")).contains("175 of 180");
        assertThat(anonymous.as("supervisor").get("/api/attendance/sessions/" + sessionId).status()).isEqualTo(200);
        assertThat(anonymous.as("facilitator2").get("/api/attendance/sessions/" + sessionId).problemCode())
                .isEqualTo("ACCESS_DENIED");
        assertThat(anonymous.as("patient1").get("/api/attendance/sessions/" + sessionId).status()).isEqualTo(403);
    }

    @Test
    void onlyTheGroupsFacilitatorSignsOnceAndAmendmentsKeepTheOriginal() throws SQLException {
        String sessionId = endedSessionWithPresence("2026-11-17");
        String signOff = "/api/attendance/sessions/" + sessionId + "/sign-off";

        assertThat(anonymous.as("facilitator2").post(signOff, "{}").status()).isEqualTo(403);
        assertThat(anonymous.as("supervisor").post(signOff, "{}").status()).isEqualTo(403);
        HttpResult signed = anonymous.as("facilitator").post(signOff, "{}");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.json().getBoolean("signed")).isTrue();
        assertThat(signed.json().getString("signedBySubject")).isEqualTo(DemoIdentities.FACILITATOR);
        assertThat(anonymous.as("facilitator").post(signOff, "{}").problemCode()).isEqualTo("ALREADY_SIGNED");
        // The facilitator's list of sessions says "Signed": the session is among the signed ones, for its group's
        // staff only.
        String states = "/api/attendance/sign-offs?sessionId=" + sessionId + "&sessionId=" + UUID.randomUUID();
        HttpResult signedStates = anonymous.as("facilitator").get(states);
        assertThat(signedStates.status()).as(signedStates.toString()).isEqualTo(200);
        assertThat(signedStates.jsonArray()).hasSize(1);
        assertThat(signedStates.jsonArray().getJsonObject(0).getString("sessionId")).isEqualTo(sessionId);
        assertThat(signedStates.jsonArray().getJsonObject(0).getBoolean("notHeld")).isFalse();
        assertThat(anonymous.as("facilitator2").get(states).jsonArray()).isEmpty();

        String recordId = lineOf(signed.json(), f.patient1).getString("recordId");
        String amendments = "/api/attendance/records/" + recordId + "/amendments";
        String correction = "{\"status\":\"PARTIAL\",\"minutes\":100,\"credited\":false,"
                + "\"minutesByModality\":{\"AUDIO_VIDEO\":60,\"AUDIO_ONLY\":40,\"NONE\":0},"
                + "\"reason\":\"Joined by phone first; facilitator's note\"}";
        assertThat(anonymous.as("supervisor").post(amendments, correction).status()).isEqualTo(403);
        assertThat(anonymous.as("facilitator").post(amendments, correction.replace("Joined by phone first; "
                + "facilitator's note", " ")).problemCode()).isEqualTo("VALIDATION_FAILED");
        // The sign-off's rules: PARTIAL earns no credit; credit below 135 of 180 minutes needs an override reason;
        // changed minutes state their split. Each refusal names its field and changes nothing.
        HttpResult credited = anonymous.as("facilitator").post(amendments, correction.replace("false", "true"));
        assertThat(credited.problemCode()).as(credited.toString()).isEqualTo("AMENDMENT_INCONSISTENT");
        assertThat(credited.status()).isEqualTo(409);
        assertThat(credited.toString()).contains("body.credited");
        HttpResult belowCredit = anonymous.as("facilitator").post(amendments, correction
                .replace("PARTIAL", "PRESENT").replace("false", "true"));
        assertThat(belowCredit.problemCode()).as(belowCredit.toString()).isEqualTo("CREDIT_BELOW_THRESHOLD");
        assertThat(belowCredit.toString()).contains("body.creditOverrideReason");
        HttpResult noSplit = anonymous.as("facilitator").post(amendments, correction.replace(
                "\"minutesByModality\":{\"AUDIO_VIDEO\":60,\"AUDIO_ONLY\":40,\"NONE\":0},", ""));
        assertThat(noSplit.problemCode()).as(noSplit.toString()).isEqualTo("VALIDATION_FAILED");
        assertThat(noSplit.toString()).contains("body.minutesByModality");
        assertThat(anonymous.as("facilitator").post(amendments, correction.replace("100", "181")).problemCode())
                .isEqualTo("VALIDATION_FAILED");
        HttpResult amended = anonymous.as("facilitator").post(amendments, correction);

        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.json().getString("status")).isEqualTo("PARTIAL");
        assertThat(amended.json().getJsonObject("minutesByModality").getInt("AUDIO_ONLY")).isEqualTo(40);
        assertThat(amended.json().getString("explanation")).startsWith("Amended after sign-off: partial, 100 of 180")
                .contains("Reason: Joined by phone first; facilitator's note");
        assertThat(amended.json().getJsonObject("flags").getInt("gapCount")).as("flags are as signed").isEqualTo(1);
        assertThat(amended.json().getJsonObject("flags").getInt("audioOnlyPercent")).as("of the signed split")
                .isZero();
        assertThat(amended.json().getJsonObject("original").getString("status")).isEqualTo("PRESENT");
        assertThat(amended.json().getJsonObject("original").getInt("minutesPresent")).isEqualTo(175);
        assertThat(amended.json().getJsonObject("original").getJsonObject("minutesByModality").getInt("AUDIO_VIDEO"))
                .isEqualTo(175);
        JsonObject amendment = amended.json().getJsonArray("amendments").getJsonObject(0);
        assertThat(amended.json().getJsonArray("amendments")).as("the refused ones left nothing").hasSize(1);
        assertThat(amendment.getString("authorSubject")).isEqualTo(DemoIdentities.FACILITATOR);
        assertThat(amendment.getString("beforeStatus")).isEqualTo("PRESENT");

        // Credit below the credit minutes with the reason to override them: kept on the amendment.
        HttpResult overridden = anonymous.as("facilitator").post(amendments, "{\"status\":\"PRESENT\","
                + "\"minutes\":100,\"credited\":true,\"reason\":\"Joined by phone first; facilitator's note\","
                + "\"creditOverrideReason\":\"Clinical director agreed\"}");
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
        assertThat(overridden.json().getJsonArray("amendments").getJsonObject(1).getString("creditOverrideReason"))
                .isEqualTo("Clinical director agreed");
        String csv = anonymous.as("supervisor").accepting("text/csv")
                .get("/api/attendance/report.csv?groupId=" + f.group1 + "&from=2026-11-17&to=2026-11-17").body();
        assertThat(csv.split("\r\n")[0]).endsWith(",original_status,original_minutes,original_credited,amended_at,"
                + "amended_by,amendment_reason,credit_override_reason");
        assertThat(csv).contains(",PRESENT,175,true,").contains(",Joined by phone first; facilitator's note,"
                + "Clinical director agreed");
        assertThat(csv).as("current minutes and split; the flags as signed")
                .contains(",PRESENT,100,60,40,0,3,1,2,false,0,false,0,AUDIO_VIDEO,true,true,");
        JsonObject frozen = anonymous.as("supervisor").get("/api/attendance/sessions/" + sessionId).json();
        assertThat(lineOf(frozen, f.patient1).getJsonArray("amendments")).as("both amendments, in order")
                .extracting(a -> ((JsonObject) a).getString("afterStatus")).containsExactly("PARTIAL", "PRESENT");
    }

    @Test
    void aSessionThatHasNotEndedCannotBeSignedAndExcusesNeedAReason() throws SQLException {
        String scheduled = anonymous.as("admin").post("/api/groups/" + f.group1 + "/sessions/generate",
                "{\"from\":\"2026-11-24\",\"to\":\"2026-11-24\"}").json().getJsonArray("created").getJsonObject(0)
                .getString("id");
        assertThat(anonymous.as("facilitator").post("/api/attendance/sessions/" + scheduled + "/sign-off", "{}")
                .problemCode()).isEqualTo("SESSION_NOT_ENDED");

        String ended = endedSessionWithPresence("2026-12-01");
        String signOff = "/api/attendance/sessions/" + ended + "/sign-off";
        assertThat(anonymous.as("facilitator").post(signOff,
                "{\"excused\":[{\"patientId\":\"%s\",\"reason\":\"\"}]}".formatted(f.patient1)).problemCode())
                .isEqualTo("VALIDATION_FAILED");
        HttpResult signed = anonymous.as("facilitator").post(signOff,
                "{\"excused\":[{\"patientId\":\"%s\",\"reason\":\"Court date\"}]}".formatted(f.patient1));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        JsonObject line = lineOf(signed.json(), f.patient1);
        assertThat(line.getString("status")).isEqualTo("EXCUSED");
        assertThat(line.getString("explanation")).contains("Court date");
    }

    @Test
    void supervisorsSeeUnsignedSessionsOfTheirSites() throws SQLException {
        String sessionId = endedSessionWithPresence("2026-10-27");

        HttpResult unsigned = anonymous.as("supervisor").get("/api/attendance/unsigned?olderThanDays=0");

        assertThat(unsigned.status()).as(unsigned.toString()).isEqualTo(200);
        assertThat(unsigned.jsonArray().getValuesAs(JsonObject.class))
                .anySatisfy(s -> assertThat(s.getString("sessionId")).isEqualTo(sessionId));
        assertThat(anonymous.as("facilitator").get("/api/attendance/unsigned").status()).isEqualTo(403);
    }

    @Test
    void progressCountsTheCreditedSessionsOfTheEnrollment() throws SQLException {
        endedSessionWithPresence("2026-12-08");
        String path = "/api/attendance/enrollments/" + f.enrollment1 + "/progress";

        HttpResult own = anonymous.as("patient1").get(path);

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        JsonObject progress = own.json();
        assertThat(progress.getInt("requiredSessions")).isEqualTo(30);
        assertThat(progress.getInt("creditedSessions")).isGreaterThanOrEqualTo(1);
        assertThat(progress.getInt("remainingSessions")).isEqualTo(30 - progress.getInt("creditedSessions"));
        assertThat(progress.getJsonArray("weeks").getValuesAs(JsonObject.class))
                .anySatisfy(week -> {
                    assertThat(week.getString("monday")).isEqualTo("2026-12-07");
                    assertThat(week.getInt("minutesAttended")).isEqualTo(175);
                    assertThat(week.getBoolean("belowMinimum")).isTrue();
                });
        assertThat(anonymous.as("facilitator").get(path).status()).isEqualTo(200);
        assertThat(anonymous.as("facilitator2").get(path).status()).isEqualTo(403);
        assertThat(anonymous.as("patient2").get(path).status()).isEqualTo(403);
    }

    @Test
    void reportsAndTheCsvExportShowSignedRowsWithTotalsAndAreAudited() throws SQLException {
        String sessionId = endedSessionWithPresence("2026-12-15");
        assertThat(anonymous.as("facilitator").post("/api/attendance/sessions/" + sessionId + "/sign-off", "{}")
                .status()).isEqualTo(200);
        String filter = "groupId=" + f.group1 + "&from=2026-12-15&to=2026-12-15";

        HttpResult report = anonymous.as("supervisor").get("/api/attendance/report?" + filter);

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonObject row = report.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("patientId").equals(f.patient1)).findFirst().orElseThrow();
        assertThat(row.getInt("minutesPresent")).isEqualTo(175);
        assertThat(row.getString("status")).isEqualTo("PRESENT");
        assertThat(row.getString("signedBySubject")).isEqualTo(DemoIdentities.FACILITATOR);
        assertThat(report.json().getJsonObject("totals").getInt("rows")).isEqualTo(report.json().getInt("total"));
        assertThat(report.json().getJsonObject("totals").getInt("minutes")).isGreaterThanOrEqualTo(175);

        HttpResult csv = anonymous.as("facilitator").accepting("text/csv").get("/api/attendance/report.csv?" + filter);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("session_id,date,scheduled_start").contains(",minutes_no_media,gap_minutes,"
                + "gap_count,late_minutes,late,left_early_minutes,left_early,audio_only_percent,modality,");
        assertThat(csv.body()).contains(sessionId + ",2026-12-15,").contains(",PRESENT,175,175,0,0,3,1,2,false,0,"
                + "false,0,AUDIO_VIDEO,true,");

        HttpResult fhir = anonymous.as("supervisor").accepting("application/fhir+json")
                .get("/api/attendance/report.fhir?" + filter);
        assertThat(fhir.status()).as(fhir.toString()).isEqualTo(200);
        org.hl7.fhir.r4.model.Bundle bundle = care.mend.attendance.AttendanceFhirExport.context().newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Bundle.class, fhir.body());
        org.hl7.fhir.r4.model.Encounter encounter = bundle.getEntry().stream()
                .map(org.hl7.fhir.r4.model.Bundle.BundleEntryComponent::getResource)
                .filter(org.hl7.fhir.r4.model.Encounter.class::isInstance)
                .map(org.hl7.fhir.r4.model.Encounter.class::cast)
                .filter(e -> e.hasSubject() && e.getSubject().getReference().equals(
                        care.mend.attendance.AttendanceFhirExport.urn("Patient", UUID.fromString(f.patient1))))
                .findFirst().orElseThrow();
        assertThat(encounter.getLength().getValue().intValue()).isEqualTo(175);
        // References are the entries' urn:uuid fullUrls, and each resolves inside the Bundle.
        java.util.Map<String, org.hl7.fhir.r4.model.Resource> byFullUrl = new java.util.HashMap<>();
        bundle.getEntry().forEach(e -> byFullUrl.put(e.getFullUrl(), e.getResource()));
        org.hl7.fhir.r4.model.Encounter session = (org.hl7.fhir.r4.model.Encounter) byFullUrl.get(
                encounter.getPartOf().getReference());
        assertThat(session.getIdentifierFirstRep().getValue()).isEqualTo(sessionId);
        org.hl7.fhir.r4.model.EpisodeOfCare episode = (org.hl7.fhir.r4.model.EpisodeOfCare) byFullUrl.get(
                encounter.getEpisodeOfCareFirstRep().getReference());
        assertThat(episode.getIdentifierFirstRep().getValue()).isEqualTo(f.enrollment1);

        assertThat(anonymous.as("facilitator2").get("/api/attendance/report?" + filter).json().getInt("total"))
                .isZero();
        assertThat(anonymous.as("patient1").get("/api/attendance/report?" + filter).status()).isEqualTo(403);
        try (Connection db = database(); var sql = db.createStatement();
             var rs = sql.executeQuery("select count(*) from access_audit where action in"
                     + " ('READ_REPORT', 'EXPORT_CSV', 'EXPORT_FHIR') and outcome = 'ALLOWED'")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(3);
        }
        // The patient's refused request is in the log too, and their site's supervisor reads it.
        JsonObject refusals = anonymous.as("supervisor")
                .get("/api/audit?action=READ_REPORT&outcome=DENIED&size=200").json();
        assertThat(refusals.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(e -> assertThat(e.getString("actorRoles")).isEqualTo("patient"));
    }
}
